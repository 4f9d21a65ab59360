using PuoAiOps.Core.Import;
using static PuoAiOps.Core.Tests.Import.ImportTestStreams;

namespace PuoAiOps.Core.Tests.Import;

public sealed class JsonLinesParsingTests
{
    [Fact]
    public async Task Read_ParsesObjectsPerLine()
    {
        var rows = await ReadAllAsync(Utf8(
            "{\"text\":\"where is my gift?\",\"external_id\":17,\"user_id\":\"u1\",\"channel\":\"web\",\"locale\":\"en\",\"created_at\":\"2024-05-18T20:30:00+08:00\",\"source\":\"s\",\"extra\":{\"a\":[1,2]}}\n" +
            "{\"userId\":123456,\"text\":\"礼物\\n没到账\"}\r\n"), "q.jsonl");
        var a = rows[0].Record!;
        Assert.Equal(("where is my gift?", "17", "u1", "web", "en", "s"), (a.Text, a.ExternalId, a.UserId, a.Channel, a.Locale, a.Source));
        Assert.Equal(new DateTime(2024, 5, 18, 12, 30, 0, DateTimeKind.Utc), a.CreatedAt);
        Assert.Equal(("礼物\n没到账", "123456", 2L), (rows[1].Record!.Text, rows[1].Record!.UserId, rows[1].Record!.Line));
    }

    [Fact]
    public async Task Read_DetectsJsonLinesByContent()
    {
        var rows = await ReadAllAsync(Utf8("{\"text\":\"hi\"}\n"), "upload.txt");
        Assert.Equal("hi", Assert.Single(rows).Record!.Text);
    }

    [Fact]
    public async Task Read_RejectsBadLinesWithLineNumbers()
    {
        byte[] bytes =
        [
            .. Utf8("{\"text\":\"ok\"}\n"),
            .. Utf8("{\"text\":\"broken\"\n"),
            .. Utf8("[1,2]\n"),
            .. Utf8("{\"text\":42}\n"),
            .. Utf8("{\"channel\":\"app\"}\n"),
            .. Utf8("{\"text\":\"x\"} {\"text\":\"y\"}\n"),
            .. Utf8("{\"text\":\"bad \""), 0xFF, .. Utf8("\"}\n"),
            .. Utf8("{\"text\":\"when\",\"created_at\":\"not a date\"}\n"),
            .. Utf8("\n"),
            .. Utf8("{\"text\":\"ok again\"}"),
        ];
        var rows = await ReadAllAsync(bytes, "q.jsonl");
        var rejected = rows.Where(r => r.IsRejected).Select(r => (r.Rejection.Line, r.Rejection.Reason)).ToList();
        Assert.Equal(
            [(2L, "invalid JSON at byte 17"), (3, "not a JSON object"), (4, "text must be a string"), (5, "missing text"),
             (6, "invalid JSON at byte 14"), (7, "invalid UTF-8"), (8, "bad created_at date")],
            rejected);
        Assert.Equal([(1L, "ok"), (10, "ok again")], rows.Where(r => !r.IsRejected).Select(r => (r.Record!.Line, r.Record.Text)));
    }

    [Theory]
    [InlineData("2024-05-18", 2024, 5, 18, 0)]
    [InlineData("2024-05-18 08:00:00", 2024, 5, 18, 8)]
    [InlineData("2024-05-18T08:00:00+08:00", 2024, 5, 18, 0)]
    [InlineData("1716019200", 2024, 5, 18, 8)]
    [InlineData("1716019200000", 2024, 5, 18, 8)]
    public async Task Read_ParsesDateFormatsAsUtc(string value, int y, int m, int d, int h)
    {
        var rows = await ReadAllAsync(Utf8($"{{\"text\":\"t\",\"created_at\":\"{value}\"}}\n"), "q.jsonl");
        Assert.Equal(new DateTime(y, m, d, h, 0, 0, DateTimeKind.Utc), rows[0].Record!.CreatedAt);
    }

    [Theory]
    [InlineData("1850-01-01")]
    [InlineData("yesterday")]
    [InlineData("2024-02-30")]
    public async Task Read_RejectsImplausibleDates(string value)
    {
        var rows = await ReadAllAsync(Utf8($"{{\"text\":\"t\",\"created_at\":\"{value}\"}}\n"), "q.jsonl");
        Assert.Equal("bad created_at date", rows[0].Rejection.Reason);
    }
}
