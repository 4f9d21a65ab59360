using System.Security.Cryptography;
using PuoAiOps.Core.Import;
using static PuoAiOps.Core.Tests.Import.ImportTestStreams;

namespace PuoAiOps.Core.Tests.Import;

public sealed class CsvParsingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_ParsesAllColumns()
    {
        var rows = await ReadAllAsync(Utf8(
            "text,external_id,user_id,channel,locale,created_at,source\n" +
            "where are my coins?,q-1,u42,app,en,2024-05-18T12:30:00Z,export-1\n"));
        var r = Assert.Single(rows).Record!;
        Assert.Equal(("where are my coins?", "q-1", "u42", "app", "en", "export-1"), (r.Text, r.ExternalId, r.UserId, r.Channel, r.Locale, r.Source));
        Assert.Equal(new DateTime(2024, 5, 18, 12, 30, 0, DateTimeKind.Utc), r.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, r.CreatedAt!.Value.Kind);
        Assert.Equal(2, r.Line);
    }

    [Fact]
    public async Task Read_HandlesQuotesDelimitersAndEmbeddedLineBreaks()
    {
        var rows = await ReadAllAsync(Utf8(
            "external_id,text\r\n" +
            "1,\"gift, not received\"\r\n" +
            "2,\"he said \"\"hi\"\"\"\r\n" +
            "3,\"line one\r\nline two\"\r\n" +
            "4,after the multi-line row\r\n"));
        Assert.Equal(["gift, not received", "he said \"hi\"", "line one\r\nline two", "after the multi-line row"], rows.Select(r => r.Record!.Text));
        Assert.Equal([2L, 3, 4, 6], rows.Select(r => r.Record!.Line));
    }

    [Fact]
    public async Task Read_SkipsByteOrderMarkAndStripsCarriageReturns()
    {
        var rows = await ReadAllAsync([.. "\uFEFF"u8.ToArray(), .. Utf8("Text,Channel\r\n你好，礼物没到账,app\r\n")]);
        var r = Assert.Single(rows).Record!;
        Assert.Equal("你好，礼物没到账", r.Text);
        Assert.Equal("app", r.Channel);
    }

    [Fact]
    public async Task Read_AcceptsHeaderSpellingsAndIgnoresUnknownColumns()
    {
        var rows = await ReadAllAsync(Utf8("Row,External ID,TEXT,notes\n1,x-9,hello,ignored\n"));
        var r = Assert.Single(rows).Record!;
        Assert.Equal(("hello", "x-9"), (r.Text, r.ExternalId));
    }

    [Fact]
    public async Task Read_RejectsBadRowsWithLineNumbersAndKeepsGoodOnes()
    {
        byte[] invalidUtf8 = [.. Utf8("bad "), 0xC3, 0x28, .. Utf8(",2024-05-18\n")];
        var bytes = (byte[])[
            .. Utf8("text,created_at\n"),
            .. Utf8("good one,2024-05-18\n"),
            .. Utf8(",2024-05-18\n"),
            .. Utf8("   ,\n"),
            .. Utf8("bad date,2024-13-45\n"),
            .. invalidUtf8,
            .. Utf8(new string('x', 4001) + ",\n"),
            .. Utf8("too,many,fields\n"),
            .. Utf8("\n"),
            .. Utf8("last good,1716035400\n"),
        ];
        var rows = await ReadAllAsync(bytes);
        Assert.Equal(
            [(3L, "missing text"), (4, "missing text"), (5, "bad created_at date"), (6, "invalid UTF-8"), (7, "text longer than 4000 characters"), (8, "3 fields, but the header has 2")],
            rows.Where(r => r.IsRejected).Select(r => (r.Rejection.Line, r.Rejection.Reason)));
        Assert.Equal([(2L, "good one"), (10, "last good")], rows.Where(r => !r.IsRejected).Select(r => (r.Record!.Line, r.Record.Text)));
        Assert.Equal(new DateTime(2024, 5, 18, 12, 30, 0, DateTimeKind.Utc), rows[^1].Record!.CreatedAt);
    }

    [Fact]
    public async Task Read_RejectsUnterminatedQuoteAndResumesOnNextLine()
    {
        var rows = await ReadAllAsync(Utf8("text\nfine\n\"never closed\nnext line\n"));
        Assert.Equal(["fine", null, "next line"], rows.Select(r => r.Record?.Text));
        Assert.Equal((3L, "unterminated quoted field"), (rows[1].Rejection.Line, rows[1].Rejection.Reason));
    }

    [Fact]
    public async Task Read_RejectsRowsLongerThanTheBufferBoundWithoutHoldingThem()
    {
        var options = new QuestionParserOptions { MaxTextLength = 100 };
        var huge = new string('y', options.MaxRowBytes * 3);
        var rows = await ReadAllAsync(Utf8($"text\nbefore\n{huge}\nafter\n\"{huge}\nstill here\n"), options: options);
        Assert.Equal(["before", null, "after", null, "still here"], rows.Select(r => r.Record?.Text));
        Assert.Equal([3L, 5], rows.Where(r => r.IsRejected).Select(r => r.Rejection.Line));
        Assert.StartsWith("row longer than", rows[1].Rejection.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Read_GivesTheSameRowsWhateverTheReadSize(int chunk)
    {
        var bytes = Utf8("text,user_id\n\"a,\"\"b\"\"\nc\",1\r\n中文问题,2\n\n\"x\",3\n");
        var expected = await ReadAllAsync(bytes);
        var actual = await ReadAllAsync(bytes, chunk: chunk);
        Assert.Equal(expected.Select(r => (r.Record?.Text, r.Record?.UserId, r.Record?.Line)), actual.Select(r => (r.Record?.Text, r.Record?.UserId, r.Record?.Line)));
        Assert.Equal(3, actual.Count);
    }

    [Fact]
    public async Task Read_ReadsTabSeparatedHeader()
    {
        var rows = await ReadAllAsync(Utf8("text\tlocale\nhello, world\tzh-CN\n"), "q.tsv");
        Assert.Equal(("hello, world", "zh-CN"), (rows[0].Record!.Text, rows[0].Record!.Locale));
    }

    [Fact]
    public async Task Read_HashesTheWholeFile()
    {
        var bytes = Utf8("text\none\ntwo\n");
        using var reader = await QuestionFileReader.OpenAsync(new MemoryStream(bytes), "q.csv", new QuestionParserOptions(), Ct);
        while (await reader.ReadAsync(Ct) is not null) { }
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), reader.FileHash);
        Assert.Equal(2, reader.Rows);
    }
}
