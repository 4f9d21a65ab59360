using System.Numerics.Tensors;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// The fitted vectoriser: which n-gram hashes are features (word block first, then char block)
/// and their IDF. Turns a normalised text into a sparse TF-IDF vector with each block L2-normalised.
/// </summary>
internal sealed class FeatureSpace
{
    private readonly HashIndex _index;

    public FeatureSpace(FeatureOptions options, ulong[] hashes, float[] idf, int wordFeatures)
    {
        if (hashes.Length != idf.Length) throw new ArgumentException("One IDF per hash is required.", nameof(idf));
        Options = options;
        Hashes = hashes;
        Idf = idf;
        WordFeatures = wordFeatures;
        _index = new HashIndex(hashes);
    }

    public FeatureOptions Options { get; }
    public ulong[] Hashes { get; }
    public float[] Idf { get; }
    public int WordFeatures { get; }
    public int Count => Hashes.Length;

    /// <summary>Fills <c>scratch.Indices/Values</c> (sorted by index) and returns how many there are.</summary>
    public int Transform(ReadOnlySpan<char> normalized, FeatureScratch scratch)
    {
        NgramHasher.Hash(normalized, Options, scratch);
        scratch.EnsureFeatureCapacity(scratch.WordCount + scratch.CharCount);
        var words = MapBlock(scratch.WordHashes, scratch, 0, 1f);
        var chars = MapBlock(scratch.CharHashes, scratch, words, Options.CharBlockWeight);
        return words + chars;
    }

    private int MapBlock(Span<ulong> hashes, FeatureScratch scratch, int offset, float weight)
    {
        var indices = scratch.Indices.AsSpan(offset);
        var known = 0;
        foreach (var hash in hashes)
        {
            var index = _index.Find(hash);
            if (index >= 0) indices[known++] = index;
        }
        if (known == 0) return 0;
        indices = indices[..known];
        indices.Sort();

        // Collapse repeats into sublinear TF x IDF.
        var values = scratch.Values.AsSpan(offset);
        var count = 0;
        for (var i = 0; i < known;)
        {
            var j = i + 1;
            while (j < known && indices[j] == indices[i]) j++;
            indices[count] = indices[i];
            values[count] = (1f + MathF.Log(j - i)) * Idf[indices[i]];
            count++;
            i = j;
        }
        values = values[..count];
        var norm = TensorPrimitives.Norm(values);
        if (norm > 0) TensorPrimitives.Multiply(values, weight / norm, values);
        return count;
    }
}
