using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Tests.Questions;

public sealed class ImportLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_RefusesFileOverSizeLimitBeforeStoringAnything()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteDistinctRows("big.csv", 200);
        var ex = await Assert.ThrowsAsync<ImportLimitExceededException>(() =>
            ws.Service(new ImportOptions { MaxFileBytes = 1000 }).ImportFileAsync(path, ct: Ct));
        Assert.Equal("MaxFileBytes", ex.Limit);
        Assert.Contains("Import:MaxFileBytes", ex.Message);
        await using var db = ws.NewContext();
        Assert.False(await db.ImportRuns.AnyAsync(Ct));
    }

    [Fact]
    public async Task Import_RefusesFileOverRowLimitBeforeStoringAnything()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteDistinctRows("many.csv", 120);
        var ex = await Assert.ThrowsAsync<ImportLimitExceededException>(() =>
            ws.Service(new ImportOptions { MaxRows = 100, BatchSize = 10 }).ImportFileAsync(path, ct: Ct));
        Assert.Equal(("MaxRows", 100L), (ex.Limit, ex.Maximum));
        Assert.Contains("120 rows", ex.Message);
        await using var db = ws.NewContext();
        Assert.Equal(0, await db.Questions.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_StopsUnseekableStreamAtRowLimitAndRecordsTheRun()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var bytes = File.ReadAllBytes(ws.WriteDistinctRows("many.csv", 120));
        await using var stream = new ForwardOnlyStream(bytes);
        await Assert.ThrowsAsync<ImportLimitExceededException>(() =>
            ws.Service(new ImportOptions { MaxRows = 100, BatchSize = 10 }).ImportAsync(stream, new ImportRequest("many.csv"), ct: Ct));
        await using var db = ws.NewContext();
        var run = await db.ImportRuns.SingleAsync(Ct);
        Assert.Null(run.FinishedAt);
        Assert.Contains("\"status\":\"failed\"", run.Report);
        Assert.Equal(run.Imported, await db.Questions.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_RejectsOverLongTexts()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("long.csv", $"text\nshort one\n{new string('x', 101)}\n");
        var result = await ws.Service(new ImportOptions { MaxTextLength = 100 }).ImportFileAsync(path, ct: Ct);
        Assert.Equal(1, result.Imported);
        Assert.Equal((3L, "text longer than 100 characters"), (result.Rejections[0].Line, result.Rejections[0].Reason));
    }

    [Fact]
    public async Task Import_KeepsOnlyConfiguredNumberOfRejectionsButCountsAll()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteFile("bad.csv", "text,created_at\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"q{i},never\n")));
        var result = await ws.Service(new ImportOptions { MaxReportedRejections = 10 }).ImportFileAsync(path, ct: Ct);
        Assert.Equal((30L, 10, 20L), (result.Rejected, result.Rejections.Count, result.RejectionsNotListed));
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
