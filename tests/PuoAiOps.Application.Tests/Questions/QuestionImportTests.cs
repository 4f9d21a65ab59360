using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Tests.Questions;

public sealed class QuestionImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string SampleCsv =
        "text,external_id,user_id,channel,locale,created_at,source\n" +
        "\"My email is zhang.wei@qq.com, gift not received\",q1,10001,app,en,2024-05-18T12:00:00Z,export\n" +
        "手机13800138000收不到验证码,q2,10002,h5,zh-CN,2024-05-18 20:00:00+08:00,export\n" +
        ",q3,10003,app,en,,export\n" +
        "My email is li.na@163.com, gift not received,q4\n" +
        "\"My email is li.na@163.com, gift not received\",q4,10004,app,en,,export\n" +
        "bad date,q5,10005,app,en,someday,export\n" +
        "charged twice on 4111 1111 1111 1111,q6,10001,app,en,,export\n";

    [Fact]
    public async Task Import_StoresRedactedRowsAndReportsCounts()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("sample.csv", SampleCsv);

        var result = await ws.Service().ImportFileAsync(path, ct: Ct);

        Assert.Equal((7L, 3L, 1L, 3L), (result.Rows, result.Imported, result.Duplicates, result.Rejected));
        Assert.Equal([(4L, "missing text"), (5, "3 fields, but the header has 7"), (7, "bad created_at date")], result.Rejections.Select(r => (r.Line, r.Reason)));
        Assert.Equal(2, result.Redacted["email"]);
        Assert.Equal(1, result.Redacted["phone"]);
        Assert.Equal(1, result.Redacted["card"]);

        await using var db = ws.NewContext();
        var stored = await db.Questions.OrderBy(q => q.ExternalId).ToListAsync(Ct);
        Assert.Equal(["My email is <EMAIL>, gift not received", "手机<PHONE>收不到验证码", "charged twice on <CARD>"], stored.Select(q => q.Text));
        Assert.Equal(new DateTime(2024, 5, 18, 12, 0, 0), stored[1].CreatedAt);
        Assert.All(stored, q => Assert.Equal(result.RunId, q.ImportRunId));
        Assert.Equal(stored[0].UserRef, stored[2].UserRef); // same user 10001, same pseudonym
        Assert.NotEqual(stored[0].UserRef, stored[1].UserRef);
        Assert.All(stored, q => Assert.Matches("^u_[0-9a-f]{20}$", q.UserRef!));

        var run = await db.ImportRuns.SingleAsync(Ct);
        Assert.Equal((3, 1, 3, "csv"), (run.Imported, run.Duplicates, run.Rejected, run.Format));
        Assert.All(stored, q => Assert.Equal(run.StartedAt, q.ImportedAt)); // bound once, must survive every row
        Assert.Equal(run.StartedAt, stored[2].CreatedAt); // no created_at: the import time
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(result.FileHash, run.FileHash);
        Assert.Contains("\"status\":\"completed\"", run.Report);
        Assert.Contains("\"line\":7,\"reason\":\"bad created_at date\"", run.Report);
    }

    [Fact]
    public async Task Import_PortableWriterStoresTheSameRowsAsTheSqliteFastPath()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("dated.csv",
            "text,external_id,user_id,channel,locale,created_at,source\n" +
            "\"mail a@b.com, 你好\",q1,10001,app,en,2024-05-18T11:00:00Z,\n" +
            "第二个问题 13800138000,,10002,,zh-CN,2024-05-18T13:00:00.1234567+08:00,export\n" +
            "third one,q3,,web,,2024-05-19,export\n" +
            "\"MAIL  c@d.com, 你好\",q4,10004,app,en,2024-05-20,\n");
        await ws.Service().ImportFileAsync(path, ct: Ct);
        List<(string Text, string Hash, string? UserRef, DateTime CreatedAt, string? Source)> fast;
        await using (var db = ws.NewContext())
        {
            fast = (await db.Questions.OrderBy(q => q.TextHash).ToListAsync(Ct)).Select(q => (q.Text, q.TextHash, q.UserRef, q.CreatedAt, q.Source)).ToList();
            await db.Questions.ExecuteDeleteAsync(Ct);
        }

        var portable = ws.Service();
        portable.PortableWriter = true;
        var result = await portable.ImportFileAsync(path, ct: Ct);

        Assert.Equal((3L, 1L), (result.Imported, result.Duplicates));
        Assert.Equal(3, fast.Count);
        await using var check = ws.NewContext();
        var stored = (await check.Questions.OrderBy(q => q.TextHash).ToListAsync(Ct)).Select(q => (q.Text, q.TextHash, q.UserRef, q.CreatedAt, q.Source)).ToList();
        Assert.Equal(fast, stored);
        // Both paths write dates in EF Core's SQLite format, so EF queries on dates keep working.
        Assert.Equal(2, await check.Questions.CountAsync(q => q.CreatedAt < new DateTime(2024, 5, 18, 12, 0, 0), Ct));
        Assert.Contains(stored, q => q.CreatedAt == new DateTime(2024, 5, 18, 5, 0, 0).AddTicks(1234567));
    }

    /// <summary>
    /// The SQLite writer turns triggers off on its connection while it imports (its rows wait above the search watermark,
    /// where they would do nothing); the connection must have them back for whoever uses it next.
    /// </summary>
    [Fact]
    public async Task Import_LeavesTheTriggersOnForTheConnectionsNextUser()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var db = ws.NewContext();
        // Held open, so the import, the catch-up and the later insert share one SQLite handle.
        await db.Database.OpenConnectionAsync(Ct);
        var result = await ws.Service(db: db).ImportFileAsync(ws.WriteDistinctRows("q.csv", 120), ct: Ct);
        Assert.Equal(120, result.Imported);
        Assert.Equal(120, (await new QuestionSearchCatchUp(db, Microsoft.Extensions.Options.Options.Create(new ImportOptions())).RunAsync(ct: Ct)).Indexed);

        db.Questions.Add(new PuoAiOps.Application.Persistence.Entities.Question { Text = "Added later by hand", TextHash = "later", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(Ct);

        var id = await db.Questions.MaxAsync(q => q.Id, Ct);
        var indexed = await db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "QuestionSearch" WHERE "QuestionSearch" MATCH '"by hand"'""").ToListAsync(Ct);
        Assert.Equal([id], indexed);
        Assert.Null(await QuestionSearchLag.ReadAsync(db, Ct));
    }

    [Fact]
    public async Task Import_SameFileAgainAddsNothing()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("sample.csv", SampleCsv);
        var first = await ws.Service().ImportFileAsync(path, ct: Ct);
        var second = await ws.Service().ImportFileAsync(path, ct: Ct);

        Assert.Equal(3, first.Imported);
        Assert.Equal((0L, 4L, 3L), (second.Imported, second.Duplicates, second.Rejected));
        await using var db = ws.NewContext();
        Assert.Equal(3, await db.Questions.CountAsync(Ct));
        Assert.Equal(2, await db.ImportRuns.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_TreatsTextsThatDifferOnlyInPiiAsDuplicates()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("dup.jsonl",
            "{\"text\":\"Refund to 4111111111111111 please\"}\n{\"text\":\"refund to  5500 0000 0000 0004 PLEASE\"}\n");
        var result = await ws.Service().ImportFileAsync(path, ct: Ct);
        Assert.Equal((QuestionFileFormat.JsonLines, 1L, 1L), (result.Format, result.Imported, result.Duplicates));
        Assert.Equal(2, result.Redacted["card"]);
    }

    [Fact]
    public async Task Import_KeepsTheFirstOccurrenceOfADuplicate()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var rows = string.Concat(Enumerable.Range(0, 40).Select(i => $"question {i},first-{i}\n"));
        var path = ws.WriteFile("d.csv", "text,external_id\n" + rows + rows.Replace("first-", "second-", StringComparison.Ordinal));
        var result = await ws.Service(new ImportOptions { BatchSize = 1000 }).ImportFileAsync(path, ct: Ct);
        Assert.Equal((40L, 40L), (result.Imported, result.Duplicates));
        await using var db = ws.NewContext();
        Assert.All(await db.Questions.ToListAsync(Ct), q => Assert.StartsWith("first-", q.ExternalId));
    }

    [Fact]
    public async Task Import_UsesConfiguredUserIdKey()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("u.csv", "text,user_id\nhello,42\n");
        await ws.Service(new ImportOptions { UserIdKey = "a-long-enough-test-key" }).ImportFileAsync(path, ct: Ct);
        await using var db = ws.NewContext();
        var expected = new UserPseudonymizer("a-long-enough-test-key"u8.ToArray()).Pseudonymize("42");
        Assert.Equal(expected, (await db.Questions.SingleAsync(Ct)).UserRef);
        Assert.False(await db.Settings.AnyAsync(s => s.Key == UserPseudonymizer.KeySetting, Ct));
    }

    [Fact]
    public async Task Import_RefusesFileThatIsNotAQuestionFile()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("nope.csv", "question,answer\nhi,there\n");
        var ex = await Assert.ThrowsAsync<ImportFormatException>(() => ws.Service().ImportFileAsync(path, ct: Ct));
        Assert.Contains("no 'text' column", ex.Message);
        await using var db = ws.NewContext();
        Assert.False(await db.ImportRuns.AnyAsync(Ct));
    }
}
