namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// Seeded randomness for the demo. <see cref="Random(int)"/> with a seed is stable across runs of the
/// same runtime, which is what makes two seeds with the same clock produce the same workspace.
/// Each generator gets its own stream so that changing one does not shift the others.
/// </summary>
internal sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);

    public const int BaseSeed = 20_240_611;

    public static DemoRandom For(int stream) => new(BaseSeed + stream * 7_919);

    public double NextDouble() => _random.NextDouble();

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public bool Chance(double p) => _random.NextDouble() < p;

    public double Between(double min, double max) => min + (max - min) * _random.NextDouble();

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Index drawn in proportion to the weights.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>Log-normal around a median: latencies and durations have long right tails.</summary>
    public double LogNormal(double median, double sigma)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    public double Exponential(double mean) => -mean * Math.Log(1.0 - _random.NextDouble());

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4 layout, so it looks like any other id
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Letters and digits without look-alikes (0/O, 1/I), for order and case references.</summary>
    public string Code(int length)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(length, this, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[r._random.Next(alphabet.Length)];
        });
    }
}
