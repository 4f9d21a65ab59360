using PuoAiOps.Core.Annotation;

namespace PuoAiOps.Core.Metrics;

/// <summary>
/// A stratified sample of a fixed size: each stratum gets a share proportional to its size (largest
/// remainder), every stratum at least one when the size allows it, so rare intents and low-confidence
/// answers are never left out. Members are picked by <see cref="StableRandom"/> on their id, so the
/// same seed draws the same sample whatever the row order.
/// </summary>
public static class StratifiedSample
{
    public static Dictionary<string, int> Allocate(IReadOnlyDictionary<string, int> sizes, int sampleSize, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleSize);
        var strata = sizes.Where(s => s.Value > 0).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var total = strata.Sum(s => (long)s.Value);
        var target = (int)Math.Min(sampleSize, total);
        var result = strata.ToDictionary(s => s.Key, _ => 0, StringComparer.Ordinal);
        if (target == 0) return result;

        if (target < strata.Count)
        {
            // Too small for one per stratum: a seeded choice of strata, one each.
            foreach (var s in strata.OrderBy(s => StableRandom.Unit(seed, StableRandom.Salt(s.Key), 0)).Take(target)) result[s.Key] = 1;
            return result;
        }
        foreach (var s in strata) result[s.Key] = 1;
        var left = target - strata.Count;
        var remaining = total - strata.Count;
        if (left == 0 || remaining == 0) return result;
        var remainders = new List<(string Key, double Fraction)>();
        foreach (var s in strata)
        {
            var exact = (double)(s.Value - 1) * left / remaining;
            var whole = (int)Math.Floor(exact);
            result[s.Key] += whole;
            remainders.Add((s.Key, exact - whole));
        }
        var short_ = target - result.Values.Sum();
        foreach (var (key, _) in remainders.OrderByDescending(r => r.Fraction).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            if (short_ == 0) break;
            if (result[key] < sizes[key]) { result[key]++; short_--; }
        }
        return result;
    }

    /// <summary>The <paramref name="count"/> members with the smallest seeded hash.</summary>
    public static IEnumerable<long> Pick(IEnumerable<long> ids, int count, long seed, long salt) =>
        ids.OrderBy(id => StableRandom.Hash(seed, salt, id)).ThenBy(id => id).Take(count);
}
