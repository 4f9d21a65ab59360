using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// Computes the rollup rows of whole days from the raw conversations. The incremental builder and the
/// full-recomputation check both call this, so they can only differ through the data they saw.
/// </summary>
internal sealed class RollupComputer(ConversationFactsLoader loader, ReportingCalendar calendar, double coverageThreshold)
{
    public async Task<List<MetricRollup>> ComputeAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var (from, to) = calendar.Range(first, last);
        var loaded = await loader.LoadAsync(from, to, ct);
        // A conversation late on the last day can be recontacted up to 24 h later.
        var recontacted = RecontactFinder.Recontacted(await loader.VisitsAsync(from, to + RecontactFinder.Window, ct));

        var cells = new Dictionary<(DateOnly Day, CellKey Key), IndicatorCounts>();
        foreach (var c in loaded)
        {
            if (!cells.TryGetValue((c.Day, c.Cell), out var counts)) cells[(c.Day, c.Cell)] = counts = new IndicatorCounts();
            counts.Add(c.Facts, recontacted.Contains(c.Facts.Id), coverageThreshold);
        }
        return cells.Select(kv => ToRow(kv.Key.Day, kv.Key.Key, kv.Value)).ToList();
    }

    public static MetricRollup ToRow(DateOnly day, CellKey key, IndicatorCounts c) => new()
    {
        Day = day,
        IntentId = key.IntentId,
        Locale = key.Locale,
        Channel = key.Channel,
        AnswerSource = key.AnswerSource,
        ScriptVersionId = key.ScriptVersionId,
        ModelVersionId = key.ModelVersionId,
        Counts = c.CopyCounts(),
        LatencyBuckets = c.Latency.Serialize(),
    };

    public static IndicatorCounts ToCounts(MetricRollup r, bool withLatency = true)
    {
        var c = new IndicatorCounts();
        c.Add(r.Counts);
        if (withLatency) c.SetLatency(LatencyHistogram.Parse(r.LatencyBuckets));
        return c;
    }

    /// <summary>A row's identity and values as text, to compare stored rows with recomputed ones.</summary>
    public static string Fingerprint(MetricRollup r) =>
        $"{r.Day:yyyy-MM-dd}|{r.IntentId}|{r.Locale}|{r.Channel}|{r.AnswerSource}|{r.ScriptVersionId}|{r.ModelVersionId}|" +
        $"{r.Counts.Describe()}|{r.LatencyBuckets}";
}
