using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    /// they were most of the overview's time when run one after another.
    /// </summary>
    public static async Task<OverviewFigures> LoadAsync(IServiceScopeFactory scopes, MetricsFilter filter, DateOnly first, CancellationToken ct)
    {
        var byDayTask = Read(scopes, (db, c) => new RollupReader(db).SumsAsync(filter, first, filter.To, r => r.Day, c), ct);
        var byIntentTask = Read(scopes, (db, c) => new RollupReader(db).SumsAsync(filter, filter.From, filter.To, r => r.IntentId, c), ct);
        var latencyTask = Read(scopes, (db, c) => new RollupReader(db).LatenciesAsync(filter, filter.Previous.From, filter.To, c), ct);
        var reuseTask = Read(scopes, (db, c) => ReuseCountsAsync(db, filter, c), ct);
        var reuseBeforeTask = Read(scopes, (db, c) => ReuseCountsAsync(db, filter.Previous, c), ct);
        await Task.WhenAll(byDayTask, byIntentTask, latencyTask, reuseTask, reuseBeforeTask);

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
        return new OverviewFigures(byDayTask.Result.ToDictionary(d => d.Key, d => d.Counts), byIntent, latency, latencyBefore,
            reuseTask.Result, reuseBeforeTask.Result);
    }

    /// <summary>
    /// User reuse from the per-user daily rows: the distinct users with a row in the period (under the
    /// filter), and of those the ones with a row flagged returned.
    /// </summary>
    public static async Task<(long Returned, long Active)> ReuseCountsAsync(PuoDbContext db, MetricsFilter filter, CancellationToken ct)
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
    private static Task<T> Read<T>(IServiceScopeFactory scopes, Func<PuoDbContext, CancellationToken, Task<T>> read, CancellationToken ct) =>
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<PuoDbContext>(), ct);
        }, ct);
}
