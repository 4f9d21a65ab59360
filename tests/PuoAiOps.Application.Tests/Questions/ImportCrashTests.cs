using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Questions;

namespace PuoAiOps.Application.Tests.Questions;

/// <summary>An import that dies part-way leaves whole batches only, and running it again completes it.</summary>
public sealed class ImportCrashTests
{
    private const int BatchSize = 50;
    private const int Rows = 420;

    [Fact]
    public async Task Import_CancelledBetweenBatchesLeavesWholeBatchesAndRerunCompletes()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteDistinctRows("q.csv", Rows);
        using var crash = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new SyncProgress<ImportProgress>(p =>
        {
            if (p.Batches == 2) crash.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ws.Service(new ImportOptions { BatchSize = BatchSize }).ImportFileAsync(path, progress: progress, ct: crash.Token));

        await AssertRerunCompletesAsync(ws, path, committedBefore: 2 * BatchSize);
    }

    [Fact]
    public async Task Import_CrashInsideABatchRollsThatBatchBack()
    {
        await using var ws = await ImportWorkspace.CreateAsync();
        var path = ws.WriteDistinctRows("q.csv", Rows);
        using var crash = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var service = ws.Service(new ImportOptions { BatchSize = BatchSize });
        var written = 0;
        service.AfterRowWritten = _ =>
        {
            // Die after 3 whole batches and 17 rows of the fourth.
            if (++written == (3 * BatchSize) + 17) crash.Cancel();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.ImportFileAsync(path, ct: crash.Token));

        await AssertRerunCompletesAsync(ws, path, committedBefore: 3 * BatchSize);
    }

    private static async Task AssertRerunCompletesAsync(ImportWorkspace ws, string path, int committedBefore)
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = ws.NewContext())
        {
            Assert.Equal(committedBefore, await db.Questions.CountAsync(ct));
            var stopped = await db.ImportRuns.SingleAsync(ct);
            Assert.Equal(committedBefore, stopped.Imported); // the run row moved with the committed batches
            Assert.Null(stopped.FinishedAt);
            Assert.Contains("\"status\":\"cancelled\"", stopped.Report);
        }

        var rerun = await ws.Service(new ImportOptions { BatchSize = BatchSize }).ImportFileAsync(path, ct: ct);

        Assert.Equal((Rows - committedBefore, (long)committedBefore), (rerun.Imported, rerun.Duplicates));
        await using var check = ws.NewContext();
        Assert.Equal(Rows, await check.Questions.CountAsync(ct));
        Assert.Equal(Rows, await check.Questions.Select(q => q.TextHash).Distinct().CountAsync(ct));
    }
}
