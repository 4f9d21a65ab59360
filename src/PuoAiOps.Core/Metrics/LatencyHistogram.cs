using System.Globalization;
using System.Text;

namespace PuoAiOps.Core.Metrics;

/// <summary>
/// Latencies in log-spaced buckets (each 8 % wider than the last), so daily rollups can be added up
/// and still give p50/p95 for any period: a percentile read from the buckets is the bucket's
/// geometric midpoint, within 4 % of the exact value. Stored sparsely as "bucket:count,…" in the cube,
/// and as bytes (<see cref="ToBytes"/>) where a view merges hundreds of them per call.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Growth = 1.08;
    private static readonly double LogGrowth = Math.Log(Growth);
    // Dense by bucket (an int's latency is at most bucket 279), grown on demand: the dashboards merge
    // thousands of stored histograms per view, and indexing an array is what keeps that cheap.
    private long[] _counts = [];

    /// <summary>The bucket of <see cref="int.MaxValue"/> ms, the longest latency stored.</summary>
    private static readonly int MaxBucket = Bucket(int.MaxValue);

    public long Count { get; private set; }

    public void Add(int milliseconds) => Add(Bucket(milliseconds), 1);

    public void Add(LatencyHistogram other)
    {
        if (other._counts.Length > _counts.Length) Array.Resize(ref _counts, other._counts.Length);
        for (var bucket = 0; bucket < other._counts.Length; bucket++) _counts[bucket] += other._counts[bucket];
        Count += other.Count;
    }

    private void Add(int bucket, long count)
    {
        if (bucket >= _counts.Length) Array.Resize(ref _counts, Math.Max(bucket + 1, 2 * _counts.Length));
        _counts[bucket] += count;
        Count += count;
    }

    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 100) in ms, or null when empty.</summary>
    public double? Percentile(double p)
    {
        if (Count == 0) return null;
        var rank = (long)Math.Ceiling(p / 100 * Count);
        if (rank < 1) rank = 1;
        long seen = 0;
        var highest = 0;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            if (_counts[bucket] == 0) continue;
            highest = bucket;
            seen += _counts[bucket];
            if (seen >= rank) return Midpoint(bucket);
        }
        return Midpoint(highest);
    }

    public static int Bucket(int milliseconds) => milliseconds <= 1 ? 0 : (int)Math.Floor(Math.Log(milliseconds) / LogGrowth);

    /// <summary>Geometric middle of the bucket; bucket 0 holds 0–1 ms.</summary>
    public static double Midpoint(int bucket) => bucket == 0 ? 1 : Math.Exp((bucket + 0.5) * LogGrowth);

    public string Serialize()
    {
        var sb = new StringBuilder();
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            var count = _counts[bucket];
            if (count == 0) continue;
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
            var bucket = int.Parse(part[..colon], CultureInfo.InvariantCulture);
            if (bucket < 0 || bucket > MaxBucket) throw new FormatException($"Latency bucket out of range (0-{MaxBucket}): '{part}'.");
            Add(bucket, long.Parse(part[(colon + 1)..], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// The same sparse form as bytes: for each non-empty bucket, its distance from the previous one (plus
    /// one) and its count, each as an unsigned LEB128 varint. Typically 2-3 bytes a bucket, and merging
    /// reads it without any number parsing.
    /// </summary>
    public byte[] ToBytes()
    {
        var bytes = new List<byte>(_counts.Length * 3);
        var previous = -1;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            if (_counts[bucket] == 0) continue;
            WriteVarint(bytes, (ulong)(bucket - previous));
            WriteVarint(bytes, (ulong)_counts[bucket]);
            previous = bucket;
        }
        return bytes.ToArray();
    }

    public static LatencyHistogram FromBytes(ReadOnlySpan<byte> bytes)
    {
        var histogram = new LatencyHistogram();
        histogram.AddBytes(bytes);
        return histogram;
    }

    /// <summary>Adds a histogram stored by <see cref="ToBytes"/>.</summary>
    public void AddBytes(ReadOnlySpan<byte> bytes)
    {
        var bucket = -1L;
        var at = 0;
        while (at < bytes.Length)
        {
            var step = ReadVarint(bytes, ref at);
            var count = ReadVarint(bytes, ref at);
            // Buckets are written in rising order, so each step is at least one.
            if (step == 0 || step > (ulong)MaxBucket + 1) throw new FormatException($"Latency bucket step out of range: {step}.");
            bucket += (long)step;
            if (bucket > MaxBucket) throw new FormatException($"Latency bucket out of range (0-{MaxBucket}): {bucket}.");
            if (count > long.MaxValue) throw new FormatException($"Latency count out of range: {count}.");
            Add((int)bucket, (long)count);
        }
    }

    private static void WriteVarint(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        bytes.Add((byte)value);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= bytes.Length) throw new FormatException("Latency histogram bytes end inside a number.");
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new FormatException("Latency histogram bytes hold a number longer than 64 bits.");
    }
}
