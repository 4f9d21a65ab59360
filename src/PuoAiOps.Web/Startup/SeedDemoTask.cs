using Microsoft.Extensions.Options;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Metrics;

namespace PuoAiOps.Web.Startup;

/// <summary>
/// Seeds the demo workspace into an empty workspace when <c>Demo:Seed</c> is true. Runs in the
/// background after the console listens, so the first page answers while the demo is written;
/// then trains the demo's classifier versions (<see cref="DemoModels"/>) grades the demo's grading sample (<see cref="DemoGradingSample"/>) and runs the metrics schedule once.
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
        // Then two classifier versions trained on the demo labels, the better one serving.
        if (seeded.Seeded) await models.EnsureAsync(ct);
        if (!seeded.Seeded) return;
        await services.GetRequiredService<DemoGradingSample>().EnsureAsync(ct: ct);
        // The schedule's first tick may have run on the still-empty workspace: write the demo's rollups, the last
        // week of reports and last week's grading sample now rather than at its next tick.
        if (metrics.Value.ScheduleEnabled) await MetricsSchedule.RunDueAsync(services, metrics.Value, clock, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo:Seed is false: starting with an empty workspace.")]
    private static partial void LogSkipped(ILogger logger);
}
