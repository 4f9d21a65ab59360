using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// The per-day, per-intent rows (<see cref="MetricIntentDay"/>) derived from cube rows: each cube row is
/// added to its own locale and channel cell and to the three cells with "all" (null) in either or both,
/// so any locale/channel filter reads one set of rows. Derived only from cube rows, so the two tables
/// agree by construction wherever the rollup job wrote both; <c>puo metrics check</c> proves it.
/// </summary>
internal static class IntentDays
{
    /// <summary>Recorded in the rollup watermark: a workspace whose watermark has another (or none) fills the table from its stored cube.</summary>
    public const int Version = 1;

    public static List<MetricIntentDay> From(IEnumerable<MetricRollup> cube)
    {
        var cells = new Dictionary<(DateOnly Day, int? IntentId, string? Locale, string? Channel), IndicatorCounts>();
        foreach (var row in cube)
        {
            var counts = RollupComputer.ToCounts(row);
            Add(cells, (row.Day, row.IntentId, row.Locale, row.Channel), counts);
            Add(cells, (row.Day, row.IntentId, row.Locale, null), counts);
            Add(cells, (row.Day, row.IntentId, null, row.Channel), counts);
            Add(cells, (row.Day, row.IntentId, null, null), counts);
        }
        return cells.Select(c => ToRow(c.Key.Day, c.Key.IntentId, c.Key.Locale, c.Key.Channel, c.Value)).ToList();
    }

    private static void Add(Dictionary<(DateOnly, int?, string?, string?), IndicatorCounts> cells, (DateOnly, int?, string?, string?) key, IndicatorCounts counts)
    {
        if (!cells.TryGetValue(key, out var total)) cells[key] = total = new IndicatorCounts();
        total.Add(counts);
    }

    private static MetricIntentDay ToRow(DateOnly day, int? intentId, string? locale, string? channel, IndicatorCounts c) => new()
    {
        Day = day, IntentId = intentId, Locale = locale, Channel = channel, Counts = c.CopyCounts(), Latency = c.Latency.ToBytes(),
    };

    /// <summary>
    /// The rows of one locale/channel cell (null: all) for days [from, to], under a domain filter if any:
    /// one index seek, ~50 rows a day whatever the traffic.
    /// </summary>
    public static async Task<List<MetricIntentDay>> ReadAsync(PuoDbContext db, MetricsFilter filter, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Constants for "all" rather than a nullable parameter, whose null-safe comparison would not use the index.
        var query = db.MetricIntentDays.AsNoTracking();
        query = filter.Locale is { } locale ? query.Where(r => r.Locale == locale) : query.Where(r => r.Locale == null);
        query = filter.Channel is { } channel ? query.Where(r => r.Channel == channel) : query.Where(r => r.Channel == null);
        query = query.Where(r => r.Day >= from && r.Day <= to);
        if (filter.DomainId is { } domain)
        {
            var intents = db.Intents.Where(i => i.DomainId == domain).Select(i => (int?)i.Id);
            query = query.Where(r => intents.Contains(r.IntentId));
        }
        return await query.ToListAsync(ct);
    }

    /// <summary>
    /// Replaces the rows of the days the cube rows cover (every row of those days, so a cell that emptied goes too)
    /// with the rows derived from them; <paramref name="days"/> are the days being replaced, cube rows or not.
    /// </summary>
    public static async Task ReplaceAsync(PuoDbContext db, IReadOnlyCollection<DateOnly> days, IEnumerable<MetricRollup> cube, CancellationToken ct)
    {
        var first = days.Min();
        var last = days.Max();
        await db.MetricIntentDays.Where(r => r.Day >= first && r.Day <= last && days.Contains(r.Day)).ExecuteDeleteAsync(ct);
        db.MetricIntentDays.AddRange(From(cube));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A row's identity and values as text, to compare stored rows with ones derived from the cube.</summary>
    public static string Fingerprint(MetricIntentDay r) =>
        $"intent-day {r.Day:yyyy-MM-dd}|{r.IntentId}|{r.Locale ?? "(all)"}|{r.Channel ?? "(all)"}|{r.Counts.Describe()}|" +
        LatencyHistogram.FromBytes(r.Latency).Serialize();
}
