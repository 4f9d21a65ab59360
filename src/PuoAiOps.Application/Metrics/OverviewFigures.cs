using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Persistence;
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
    /// Reads the figures with the independent queries running at once, each on its own connection (its
    /// own scope's context): on a large workspace each of them takes tens of milliseconds, and together
    /// they were most of the overview's time when run one after another. Each read's time is logged at
    /// debug level (the benchmark's breakdown).
    /// </summary>
    public static async Task<OverviewFigures> LoadAsync(IServiceScopeFactory scopes, MetricsFilter filter, DateOnly first, ILogger logger, CancellationToken ct)
    {
        var byDayTask = Read(scopes, logger, "counts per day", (db, c) => new RollupReader(db).SumsAsync(filter, first, filter.To, r => r.Day, c), ct);
        var byIntentTask = Read(scopes, logger, "counts per intent", (db, c) => new RollupReader(db).SumsAsync(filter, filter.From, filter.To, r => r.IntentId, c), ct);
        var latencyTask = Read(scopes, logger, "latency histograms", (db, c) => new RollupReader(db).LatenciesAsync(filter, filter.Previous.From, filter.To, c), ct);
        var reuseTask = Read(scopes, logger, "reuse", (db, c) => ReuseBothAsync(db, filter, c), ct);
        await Task.WhenAll(byDayTask, byIntentTask, latencyTask, reuseTask);

        var parse = Stopwatch.StartNew();
        var byIntent = byIntentTask.Result;
        var latency = new LatencyHistogram();
        var latencyBefore = new LatencyHistogram();
        var intentLatency = new Dictionary<int, LatencyHistogram>();
        var noIntentLatency = new LatencyHistogram();
        foreach (var (day, intent, buckets) in latencyTask.Result)
        {
            if (day < filter.From)
            {
                latencyBefore.AddSerialized(buckets);
                continue;
            }
            latency.AddSerialized(buckets);
            var histogram = intent is { } id ? intentLatency.TryGetValue(id, out var h) ? h : intentLatency[id] = new() : noIntentLatency;
            histogram.AddSerialized(buckets);
        }
        foreach (var (intent, counts) in byIntent)
            counts.SetLatency(intent is { } id ? intentLatency.GetValueOrDefault(id) ?? new() : noIntentLatency);
        MetricsLog.OverviewRead(logger, "latency merge", parse.Elapsed.TotalMilliseconds);
        var (reuse, reuseBefore) = reuseTask.Result;
        return new OverviewFigures(byDayTask.Result.ToDictionary(d => d.Key, d => d.Counts), byIntent, latency, latencyBefore, reuse, reuseBefore);
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

    // Task.Run: the SQLite provider completes its "async" reads synchronously, so without it the reads would still queue up.
    private static Task<T> Read<T>(IServiceScopeFactory scopes, ILogger logger, string name, Func<PuoDbContext, CancellationToken, Task<T>> read, CancellationToken ct) =>
        Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var result = await read(scope.ServiceProvider.GetRequiredService<PuoDbContext>(), ct);
            MetricsLog.OverviewRead(logger, name, clock.Elapsed.TotalMilliseconds);
            return result;
        }, ct);
}
