using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// The stored figures behind one dashboard overview: counts per day (trend and both periods), per
/// intent with latency, both periods' latency, and the distinct and returning users of both periods.
/// Everything here is a function of the filter and the rollup tables only, so it can be cached until
/// the rollup job next writes (<see cref="OverviewCache"/>). Treated as read-only once built.
/// </summary>
internal sealed record OverviewFigures(
    IReadOnlyDictionary<DateOnly, IndicatorCounts> ByDay,
    IReadOnlyList<(int? IntentId, IndicatorCounts Counts)> ByIntent,
    LatencyHistogram Latency,
    LatencyHistogram LatencyBefore,
    (long Returned, long Active) Reuse,
    (long Returned, long Active) ReuseBefore)
{
    /// <summary>
    /// Reads the figures in two small reads on one connection: the per-intent day rows of the filter's
    /// locale/channel cell (~50 a day: the trend, the intents and both periods' latency all come from them)
    /// and the reuse counts. Each is a few milliseconds at a million conversations, so running them at once
    /// (as the cube's reads were) would only add connections and threads. Each step's time is logged at
    /// debug level (the benchmark's breakdown).
    /// </summary>
    public static async Task<OverviewFigures> LoadAsync(IServiceScopeFactory scopes, MetricsFilter filter, DateOnly first, ILogger logger, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var clock = Stopwatch.StartNew();
        var rows = await IntentDays.ReadAsync(db, filter, first, filter.To, ct);
        MetricsLog.OverviewRead(logger, "intent days", clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        var (reuse, reuseBefore) = await ReuseBothAsync(db, filter, ct);
        MetricsLog.OverviewRead(logger, "reuse", clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        var figures = FromIntentDays(rows, filter, reuse, reuseBefore);
        MetricsLog.OverviewRead(logger, "merge", clock.Elapsed.TotalMilliseconds);
        return figures;
    }

    /// <summary>Adds up one cell's per-intent day rows: per day (without latency), per intent of the period (with), and both periods' latency.</summary>
    internal static OverviewFigures FromIntentDays(IEnumerable<MetricIntentDay> rows, MetricsFilter filter, (long, long) reuse, (long, long) reuseBefore)
    {
        var byDay = new Dictionary<DateOnly, IndicatorCounts>();
        var byIntent = new Dictionary<int, IndicatorCounts>();
        IndicatorCounts? noIntent = null;
        var latency = new LatencyHistogram();
        var latencyBefore = new LatencyHistogram();
        foreach (var row in rows)
        {
            if (!byDay.TryGetValue(row.Day, out var day)) byDay[row.Day] = day = new IndicatorCounts();
            day.Add(row.Counts);
            if (row.Day >= filter.From && row.Day <= filter.To)
            {
                var intent = row.IntentId is { } id ? byIntent.TryGetValue(id, out var c) ? c : byIntent[id] = new() : noIntent ??= new();
                intent.Add(row.Counts);
                intent.Latency.AddBytes(row.Latency);
                latency.AddBytes(row.Latency);
            }
            else if (row.Day >= filter.Previous.From && row.Day <= filter.Previous.To) latencyBefore.AddBytes(row.Latency);
        }
        // In intent order, no intent first, as the database grouped them before: the breakdown's ties keep their order.
        var intents = new List<(int? IntentId, IndicatorCounts Counts)>();
        if (noIntent is not null) intents.Add((null, noIntent));
        intents.AddRange(byIntent.OrderBy(i => i.Key).Select(i => ((int?)i.Key, i.Value)));
        return new OverviewFigures(byDay, intents, latency, latencyBefore, reuse, reuseBefore);
    }

    /// <summary>The reuse of the period and of the one before: one read of the stored counts when they serve the filter.</summary>
    private static async Task<((long, long) Now, (long, long) Before)> ReuseBothAsync(PuoDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        if (!ReuseCounter.Serves(filter)) return (await ReuseCountsAsync(db, filter, ct), await ReuseCountsAsync(db, filter.Previous, ct));
        var counts = await ReuseCounts.ReadAsync(db, filter, [(filter.From, filter.To), (filter.Previous.From, filter.Previous.To)], ct);
        return (counts[0], counts[1]);
    }

    /// <summary>
    /// User reuse of one period: from the stored counts when they serve the filter, else from the per-user
    /// daily rows (a domain filter, or a period longer than the counts' gaps): the distinct users with a
    /// row in the period (under the filter), and of those the ones with a row flagged returned.
    /// </summary>
    public static async Task<(long Returned, long Active)> ReuseCountsAsync(PuoDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        if (ReuseCounter.Serves(filter)) return (await ReuseCounts.ReadAsync(db, filter, [(filter.From, filter.To)], ct))[0];
        return await UserRowsReuseAsync(db, filter, ct);
    }

    /// <summary>The same figure counted over the per-user daily rows: a distinct count over every row of the period.</summary>
    public static async Task<(long Returned, long Active)> UserRowsReuseAsync(PuoDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        var query = db.MetricUserDays.AsNoTracking().Where(r => r.Day >= filter.From && r.Day <= filter.To);
        if (filter.Locale is { } locale) query = query.Where(r => r.Locale == locale);
        if (filter.Channel is { } channel) query = query.Where(r => r.Channel == channel);
        if (filter.DomainId is { } domain)
        {
            var intents = db.Intents.Where(i => i.DomainId == domain).Select(i => (int?)i.Id);
            query = query.Where(r => intents.Contains(r.IntentId));
        }
        // One pass: a flag per distinct user (did any of their rows return), counted here.
        var users = await query.GroupBy(r => r.UserRef).Select(g => g.Max(r => r.Returned ? 1 : 0)).ToListAsync(ct);
        return (users.Count(flag => flag == 1), users.Count);
    }
}
