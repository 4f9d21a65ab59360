using Microsoft.Extensions.Options;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Metrics;

namespace PuoAiOps.Web.Startup;

/// <summary>
/// Seeds the demo workspace into an empty workspace when <c>Demo:Seed</c> is true. Runs in the
/// background after the console listens, so the first page answers while the demo is written;
/// then indexes the demo SOPs (so the bot answers from them right away), trains the demo's classifier versions (<see cref="DemoModels"/>) grades the demo's grading sample (<see cref="DemoGradingSample"/>) and runs the metrics schedule once.
/// </summary>
internal sealed partial class SeedDemoTask(IOptions<DemoOptions> options, DemoWorkspace demo, DemoModels models, IOptions<MetricsOptions> metrics,
    IServiceProvider services, TimeProvider clock, ILogger<SeedDemoTask> logger) : IStartupTask
{
    public StartupPhase Phase => StartupPhase.AfterListening;

    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Value.Seed)
        {
            LogSkipped(logger);
            return;
        }
        if (!await demo.IsWorkspaceEmptyAsync(ct)) return;
        var seeded = await demo.SeedAsync(ct);
        if (!seeded.Seeded) return;
        // The SOPs went in as rows; the start-up indexer found an empty workspace before, so index them now and the
        // bot answers from them at once (not only after a reindex or the next start).
        await IndexSopsAsync(ct);
        // Then two classifier versions trained on the demo labels, the better one serving.
        await models.EnsureAsync(ct);
        await services.GetRequiredService<DemoGradingSample>().EnsureAsync(ct: ct);
        // The schedule's first tick may have run on the still-empty workspace: write the demo's rollups, the last
        // week of reports and last week's grading sample now rather than at its next tick.
        if (metrics.Value.ScheduleEnabled) await MetricsSchedule.RunDueAsync(services, metrics.Value, clock, ct);
    }

    private async Task IndexSopsAsync(CancellationToken ct)
    {
        try
        {
            await services.GetRequiredService<ReindexService>().ReindexAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The rest of the demo still comes; `puo kb reindex` (or the next start) builds the index.
            LogIndexFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo SOPs were seeded but could not be indexed; run `puo kb reindex` or restart the console")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo:Seed is false: starting with an empty workspace.")]
    private static partial void LogSkipped(ILogger logger);
}
