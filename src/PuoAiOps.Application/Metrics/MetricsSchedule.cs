using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// The schedule: on each tick, bring the rollups up to date and write the reports that are due and
/// missing: each of the last <see cref="MetricsOptions.BackfillDays"/> days, and last week once it is
/// over, and draw last week's grading sample. Several instances may run it; a report written twice is simply replaced.
/// </summary>
public sealed class MetricsSchedule(IServiceScopeFactory scopes, IOptions<MetricsOptions> options, TimeProvider clock, ILogger<MetricsSchedule> logger)
    : BackgroundService
{
    public const string ScheduleActor = "schedule";

    /// <summary>One tick's work, also callable on demand (tests, `puo report due`).</summary>
    public static async Task<IReadOnlyList<string>> RunDueAsync(IServiceProvider services, MetricsOptions options, TimeProvider clock, CancellationToken ct)
    {
        var reports = services.GetRequiredService<ReportService>();
        await services.GetRequiredService<RollupBuilder>().BuildAsync(ct);
        var written = new List<string>();
        // Nothing to report on in an empty workspace: no pile of empty reports.
        if (!await services.GetRequiredService<PuoAiOps.Application.Persistence.PuoDbContext>().MetricRollups.AnyAsync(ct)) return written;
        var today = options.Calendar.DayOf(clock.GetUtcNow().UtcDateTime);
        for (var back = Math.Max(1, options.BackfillDays); back >= 1; back--)
        {
            var day = today.AddDays(-back);
            var period = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (await reports.ExistsAsync(ReportKind.Daily, period, ct)) continue;
            await reports.GenerateDailyAsync(day, ScheduleActor, ct);
            written.Add("daily " + period);
        }
        var lastWeek = ReportingCalendar.IsoWeekOf(today.AddDays(-7));
        if (!await reports.ExistsAsync(ReportKind.Weekly, lastWeek, ct))
        {
            await reports.GenerateWeeklyAsync(lastWeek, ScheduleActor, ct);
            written.Add("weekly " + lastWeek);
        }
        // Each week's answers go to the Reviewer queue once the week is over (drawing again is a no-op).
        var sample = await services.GetRequiredService<GradingService>().DrawSampleAsync(lastWeek, ct: ct);
        if (!sample.AlreadyDrawn && sample.Answers > 0) written.Add("grading sample " + lastWeek);
        await WarmDashboardAsync(services, today, ct);
        return written;
    }

    /// <summary>
    /// Computes the dashboard's default view (the last 7 whole days, no filter) now that the rollups are current, so
    /// the first person to open the dashboard after a run gets it from the overview cache instead of waiting for
    /// the cold read (p95 ~400 ms at a million conversations, docs/benchmarks.md).
    /// </summary>
    private static async Task WarmDashboardAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var end = today.AddDays(-1);
        await services.GetRequiredService<MetricsQueryService>().OverviewAsync(new MetricsFilter(end.AddDays(-6), end), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ScheduleEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.ScheduleIntervalMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunDueAsync(scope.ServiceProvider, settings, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                MetricsLog.ScheduleFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
