using System.Globalization;
using System.Text;

namespace PuoAiOps.Core.Metrics;

/// <summary>
/// Latencies in log-spaced buckets (each 8 % wider than the last), so daily rollups can be added up
/// and still give p50/p95 for any period: a percentile read from the buckets is the bucket's
/// geometric midpoint, within 4 % of the exact value. Stored sparsely as "bucket:count,…".
/// </summary>
public sealed class LatencyHistogram
{
    private const double Growth = 1.08;
    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly SortedDictionary<int, long> _counts = [];

    public long Count { get; private set; }

    public void Add(int milliseconds) => Add(Bucket(milliseconds), 1);

    public void Add(LatencyHistogram other)
    {
        foreach (var (bucket, count) in other._counts) Add(bucket, count);
    }

    private void Add(int bucket, long count)
    {
        _counts[bucket] = _counts.GetValueOrDefault(bucket) + count;
        Count += count;
    }

    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 100) in ms, or null when empty.</summary>
    public double? Percentile(double p)
    {
        if (Count == 0) return null;
        var rank = (long)Math.Ceiling(p / 100 * Count);
        if (rank < 1) rank = 1;
        long seen = 0;
        foreach (var (bucket, count) in _counts)
        {
            seen += count;
            if (seen >= rank) return Midpoint(bucket);
        }
        return Midpoint(_counts.Keys.Last());
    }

    public static int Bucket(int milliseconds) => milliseconds <= 1 ? 0 : (int)Math.Floor(Math.Log(milliseconds) / LogGrowth);

    /// <summary>Geometric middle of the bucket; bucket 0 holds 0–1 ms.</summary>
    public static double Midpoint(int bucket) => bucket == 0 ? 1 : Math.Exp((bucket + 0.5) * LogGrowth);

    public string Serialize()
    {
        var sb = new StringBuilder();
        foreach (var (bucket, count) in _counts)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append(bucket.ToString(CultureInfo.InvariantCulture)).Append(':').Append(count.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public static LatencyHistogram Parse(string? text)
    {
        var histogram = new LatencyHistogram();
        histogram.AddSerialized(text);
        return histogram;
    }

    /// <summary>Adds a serialized histogram ("bucket:count,…") without building it first: the dashboards merge thousands per view.</summary>
    public void AddSerialized(string? text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var part = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? [] : rest[(comma + 1)..];
            var colon = part.IndexOf(':');
            if (colon <= 0) throw new FormatException($"Not a latency bucket: '{part}'.");
            Add(int.Parse(part[..colon], CultureInfo.InvariantCulture), long.Parse(part[(colon + 1)..], CultureInfo.InvariantCulture));
        }
    }
}
