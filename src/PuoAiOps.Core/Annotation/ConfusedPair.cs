namespace PuoAiOps.Core.Annotation;

/// <summary>Two categories raters split between, and how many rater pairs disagreed that way.</summary>
public sealed record ConfusedPair<T>(T First, T Second, long Count);

/// <summary>
/// Which categories get mixed up: every pair of raters on an item that chose different categories
/// counts once for that unordered category pair (an item with counts m_a, m_b adds m_a·m_b).
/// </summary>
public static class ConfusionPairs
{
    public static IReadOnlyList<ConfusedPair<T>> MostConfused<T>(IEnumerable<IReadOnlyCollection<T>> items, int top = 10)
        where T : notnull
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var comparer = Comparer<T>.Default;
        var counts = new Dictionary<(T, T), long>();
        foreach (var ratings in items)
        {
            var groups = ratings.CountBy(r => r).ToList();
            for (var i = 0; i < groups.Count; i++)
                for (var j = i + 1; j < groups.Count; j++)
                {
                    var (a, b) = (groups[i].Key, groups[j].Key);
                    var key = comparer.Compare(a, b) <= 0 ? (a, b) : (b, a);
                    counts[key] = counts.GetValueOrDefault(key) + (long)groups[i].Value * groups[j].Value;
                }
        }
        return counts
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key.Item1, comparer)
            .ThenBy(kv => kv.Key.Item2, comparer)
            .Take(top)
            .Select(kv => new ConfusedPair<T>(kv.Key.Item1, kv.Key.Item2, kv.Value))
            .ToList();
    }
}
