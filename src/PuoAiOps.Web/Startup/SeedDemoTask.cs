using Microsoft.Extensions.Options;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Metrics;

namespace PuoAiOps.Web.Startup;

/// <summary>
/// Seeds the demo workspace into an empty workspace when <c>Demo:Seed</c> is true. Runs in the
/// background after the console listens, so the first page answers while the demo is written.
/// <see cref="DemoSetup"/> (the same path as <c>puo demo seed</c>) writes it, indexes the demo SOPs (so the bot
/// answers from them right away) and trains the demo's classifier versions; then this grades the demo's grading
/// sample (<see cref="DemoGradingSample"/>) and runs the metrics schedule once.
/// </summary>
internal sealed partial class SeedDemoTask(IOptions<DemoOptions> options, DemoWorkspace demo, DemoSetup setup, IOptions<MetricsOptions> metrics,
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
        // The start-up indexer found an empty workspace before this, so the SOPs are indexed here, not by it.
        var seeded = await setup.SeedAsync(ct);
        if (!seeded.Seed.Seeded) return;
        await services.GetRequiredService<DemoGradingSample>().EnsureAsync(ct: ct);
        // The schedule's first tick may have run on the still-empty workspace: write the demo's rollups, the last
        // week of reports and last week's grading sample now rather than at its next tick.
        if (metrics.Value.ScheduleEnabled) await MetricsSchedule.RunDueAsync(services, metrics.Value, clock, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo:Seed is false: starting with an empty workspace.")]
    private static partial void LogSkipped(ILogger logger);
}
