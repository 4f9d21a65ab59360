namespace PuoAiOps.Core.Annotation;

/// <summary>How many of a rater's answers matched a reference answer (gold label or final label).</summary>
public sealed record MatchRate(int Matches, int Total)
{
    public double? Rate => Total == 0 ? null : (double)Matches / Total;
}

/// <summary>Per-rater accuracy against a reference: gold items for accuracy, final labels for agreement.</summary>
public static class MatchRates
{
    public static IReadOnlyDictionary<string, MatchRate> ByRater<T>(IEnumerable<(string Rater, T Given, T Expected)> answers)
        where T : notnull
    {
        var tally = new Dictionary<string, (int Matches, int Total)>(StringComparer.Ordinal);
        foreach (var (rater, given, expected) in answers)
        {
            var (matches, total) = tally.GetValueOrDefault(rater);
            tally[rater] = (matches + (EqualityComparer<T>.Default.Equals(given, expected) ? 1 : 0), total + 1);
        }
        return tally.ToDictionary(kv => kv.Key, kv => new MatchRate(kv.Value.Matches, kv.Value.Total), StringComparer.Ordinal);
    }
}
