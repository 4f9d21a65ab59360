namespace PuoAiOps.Core.Annotation;

/// <summary>
/// Deterministic pseudo-random numbers keyed by (seed, salt, id), so a sample or split depends only on
/// the seed and each row's own id — not on row order, process, platform or .NET version
/// (unlike <c>string.GetHashCode</c>). SplitMix64 finaliser (Steele, Lea &amp; Flood 2014).
/// </summary>
public static class StableRandom
{
    public static ulong Hash(long seed, long salt, long id)
    {
        var x = Mix((ulong)seed ^ 0x9E3779B97F4A7C15UL);
        x = Mix(x ^ (ulong)salt);
        return Mix(x ^ (ulong)id);
    }

    /// <summary>A value in [0, 1) from the top 53 bits of the hash.</summary>
    public static double Unit(long seed, long salt, long id) => (Hash(seed, salt, id) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A salt from a name (FNV-1a over UTF-16 code units), stable across processes.</summary>
    public static long Salt(string name)
    {
        var h = 14695981039346656037UL;
        foreach (var c in name)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return (long)h;
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
