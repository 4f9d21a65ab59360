using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>
/// The loop the rollup property tests share: the rollup job runs again and again, each run after its own writes (new
/// conversations, late ones with earlier times, feedback, re-classifications), and after every run what it stored must
/// equal a full recomputation from the raw rows (<c>puo metrics check</c>) before the clock moves on.
/// </summary>
internal static class IncrementalRollups
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="runs">how many times the rollup job runs.</param>
    /// <param name="write">the writes before run n.</param>
    /// <param name="advance">how far the clock moves after run n.</param>
    /// <param name="compare">further comparisons after run n's check (its figures against another calculation), if any.</param>
    public static async Task RunAndCompareAsync(this ServiceProvider services, ManualClock clock, int runs,
        Func<int, Task> write, Func<int, TimeSpan> advance, Func<int, Task>? compare = null)
    {
        for (var run = 0; run < runs; run++)
        {
            await write(run);
            await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
            await services.AssertEqualsFullRecomputationAsync($"run {run}");
            if (compare is not null) await compare(run);
            clock.Advance(advance(run));
        }
    }

    /// <summary>Fails, listing the differences, when the stored rollups differ from a full recomputation.</summary>
    public static async Task AssertEqualsFullRecomputationAsync(this ServiceProvider services, string? when = null)
    {
        var check = await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().CheckAsync(Ct));
        Assert.True(check.Equal, (when is null ? "" : when + ":\n") + string.Join("\n", check.Differences));
    }

    /// <summary>
    /// Makes a built workspace look like one built before a stored table existed (<paramref name="rows"/> emptied, the
    /// watermark without <paramref name="watermarkField"/>, the field that says the table was filled), then runs the
    /// rollup job an hour later: the run must stay incremental and still leave everything equal to a full recomputation.
    /// </summary>
    public static async Task RunOnAKeptWorkspaceAsync<T>(this ServiceProvider services, TempWorkspace workspace, ManualClock clock,
        Func<PuoDbContext, IQueryable<T>> rows, string watermarkField)
    {
        await using (var db = workspace.NewContext())
        {
            await rows(db).ExecuteDeleteAsync(Ct);
            var mark = await db.Settings.SingleAsync(s => s.Key == RollupBuilder.WatermarkKey, Ct);
            mark.Value = System.Text.RegularExpressions.Regex.Replace(mark.Value, $",\"{watermarkField}\":[^,}}]*", "");
            Assert.DoesNotContain(watermarkField, mark.Value, StringComparison.Ordinal);
            await db.SaveChangesAsync(Ct);
        }

        clock.Advance(TimeSpan.FromHours(1));
        var next = await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));

        Assert.False(next.Full);
        await services.AssertEqualsFullRecomputationAsync();
    }
}
