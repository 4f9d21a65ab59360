using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// The overview's stored figures per filter, kept until the rollup job writes again. Only
/// <see cref="RollupBuilder"/> changes the rollup and reuse rows, and every run of it writes a new
/// watermark, so an entry keyed by the watermark it was read under can never be stale: after the next
/// run no request asks for its key again. One instance per process; the watermark is one indexed read.
/// </summary>
public sealed class OverviewCache
{
    /// <summary>Enough for every filter a team flips between in a day; past it the cache starts over.</summary>
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<(string Watermark, MetricsFilter Filter), Task<OverviewFigures>> _entries = new();

    /// <param name="load">Reads the figures; shared by every request for the same key, so it must not take one request's cancellation.</param>
    internal async Task<OverviewFigures> GetAsync(PuoDbContext db, MetricsFilter filter, Func<Task<OverviewFigures>> load, CancellationToken ct)
    {
        var watermark = await db.Settings.AsNoTracking().Where(s => s.Key == RollupBuilder.WatermarkKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        // Never built (or being rebuilt from scratch): nothing stable to key on.
        if (watermark is null) return await load();
        // A new watermark makes every older entry unreachable: drop them rather than wait for the limit.
        if (_entries.Count >= MaxEntries || _entries.Keys.Any(k => k.Watermark != watermark)) _entries.Clear();
        var key = (watermark, filter);
        var entry = _entries.GetOrAdd(key, _ => load());
        try
        {
            // Each caller stops waiting when it is cancelled; the shared read goes on for the others.
            return await entry.WaitAsync(ct);
        }
        catch when (entry.IsFaulted || entry.IsCanceled)
        {
            // A failed read is not remembered; the next request tries again.
            _entries.TryRemove(new KeyValuePair<(string, MetricsFilter), Task<OverviewFigures>>(key, entry));
            throw;
        }
    }

    /// <summary>Whether the figures for <paramref name="filter"/> are held (or being read) for some watermark.</summary>
    public bool Holds(MetricsFilter filter) => _entries.Keys.Any(k => k.Filter == filter);

    /// <summary>Forgets everything (benchmarks time the uncached path with it).</summary>
    public void Clear() => _entries.Clear();
}
