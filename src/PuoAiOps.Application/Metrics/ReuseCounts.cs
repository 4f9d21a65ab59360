using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Metrics;

/// <summary>Reads and writes the stored reuse counts (<see cref="MetricReuseCount"/>, built by <see cref="ReuseCounter"/>).</summary>
internal static class ReuseCounts
{
    /// <summary>
    /// The returning and active users of each period (same cell, any days), from one read of the counts
    /// of the days they span: a few hundred rows per day at most, whatever the traffic.
    /// </summary>
    public static async Task<(long Returned, long Active)[]> ReadAsync(PuoDbContext db, MetricsFilter cell, IReadOnlyList<(DateOnly From, DateOnly To)> periods, CancellationToken ct)
    {
        var from = periods.Min(p => p.From);
        var to = periods.Max(p => p.To);
        // Constants for "all" rather than a nullable parameter, whose null-safe comparison would not use the index.
        var query = db.MetricReuseCounts.AsNoTracking();
        query = cell.Locale is { } locale ? query.Where(r => r.Locale == locale) : query.Where(r => r.Locale == null);
        query = cell.Channel is { } channel ? query.Where(r => r.Channel == channel) : query.Where(r => r.Channel == null);
        query = query.Where(r => r.Day >= from && r.Day <= to);
        var rows = (await query.Select(r => new { r.Day, r.Returned, r.Gap, r.Users }).ToListAsync(ct))
            .Select(r => (r.Day, r.Returned, r.Gap, r.Users)).ToList();
        return periods.Select(p => ReuseCounter.Distinct(rows, p.From, p.To)).ToArray();
    }

    /// <summary>Adds the counts of a full build (the table was emptied first).</summary>
    public static async Task AddAsync(PuoDbContext db, Dictionary<ReuseCounter.Key, long> counts, CancellationToken ct)
    {
        db.MetricReuseCounts.AddRange(counts.Select(c => ReuseCounter.ToRow(c.Key, c.Value)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Moves the stored counts from what the changed users' old rows gave to what their new rows give:
    /// only the days where the two differ are touched, and a count that reaches zero is removed (a full
    /// recomputation has no zero rows).
    /// </summary>
    public static async Task ApplyAsync(PuoDbContext db, Dictionary<ReuseCounter.Key, long> before, Dictionary<ReuseCounter.Key, long> after, CancellationToken ct)
    {
        var delta = new Dictionary<ReuseCounter.Key, long>();
        foreach (var (key, users) in after) delta[key] = users;
        foreach (var (key, users) in before) delta[key] = delta.GetValueOrDefault(key) - users;
        var changed = delta.Where(d => d.Value != 0).ToDictionary(d => d.Key, d => d.Value);
        if (changed.Count == 0) return;
        var days = changed.Keys.Select(k => k.Day).Distinct().ToList();
        var stored = (await db.MetricReuseCounts.Where(r => days.Contains(r.Day)).ToListAsync(ct)).ToDictionary(ReuseCounter.KeyOf);
        foreach (var (key, change) in changed)
        {
            if (stored.TryGetValue(key, out var row)) row.Users += change;
            else db.MetricReuseCounts.Add(row = ReuseCounter.ToRow(key, change));
            // Below zero the stored counts were not those of the stored rows (changed by hand?): only a rebuild mends that.
            if (row.Users < 0)
                throw new InvalidOperationException($"The stored reuse counts of {key.Day:yyyy-MM-dd} do not match the per-user rows; run `puo metrics rebuild`.");
            if (row.Users == 0) db.MetricReuseCounts.Remove(row);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
