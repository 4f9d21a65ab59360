using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

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
        UnknownIdf = idf.Length == 0 ? 1f : idf.Max();
    }

    public FeatureOptions Options { get; }
    public ulong[] Hashes { get; }
    public float[] Idf { get; }
    public int WordFeatures { get; }
    public int Count => Hashes.Length;

    /// <summary>IDF credited to a word the model never saw: as rare as the rarest feature.</summary>
    private float UnknownIdf { get; }

    /// <summary>Fills <c>scratch.Indices/Values</c> (word block, then char block) and returns how many there are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the unoptimised first tier
    public int Transform(ReadOnlySpan<char> normalized, FeatureScratch scratch)
    {
        NgramHasher.Hash(normalized, Options, scratch);
        scratch.EnsureFeatureCapacity(scratch.WordCount + scratch.CharCount);
        var words = MapBlock(scratch.WordHashes, scratch, 0, 1f);
        scratch.KnownShare = KnownShare(scratch);
        var chars = MapBlock(scratch.CharHashes, scratch, words, Options.CharBlockWeight);
        return words + chars;
    }

    /// <summary>
    /// How much of the question's vocabulary the model has seen, IDF-weighted so that a missing
    /// content word counts more than a missing filler: questions outside every intent tend to be
    /// about things the training data never mentions, which a linear score alone misses.
    /// </summary>
    private float KnownShare(FeatureScratch scratch)
    {
        var unigrams = scratch.Unigrams;
        var known = 0f;
        var total = 0f;
        foreach (var hash in unigrams)
        {
            var index = _index.Find(hash); // just looked up by MapBlock: cache hits
            var weight = index >= 0 ? Idf[index] : UnknownIdf;
            total += weight;
            if (index >= 0) known += weight;
        }
        return total == 0 ? 0f : known / total;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the unoptimised first tier
    private int MapBlock(Span<ulong> hashes, FeatureScratch scratch, int offset, float weight)
    {
        // Term counts per known feature in first-seen order; no sort, a dot product does not care about order.
        var indices = scratch.Indices.AsSpan(offset);
        var values = scratch.Values.AsSpan(offset);
        var slots = scratch.DedupSlots(hashes.Length, out var shift);
        var mask = slots.Length - 1;
        var count = 0;
        foreach (var hash in hashes)
        {
            var index = _index.Find(hash);
            if (index < 0) continue;
            var slot = (int)(((uint)index * 0x9E3779B1u) >> shift);
            while (slots[slot] >= 0 && indices[slots[slot]] != index) slot = (slot + 1) & mask;
            if (slots[slot] >= 0)
            {
                values[slots[slot]] += 1f;
                continue;
            }
            slots[slot] = count;
            indices[count] = index;
            values[count++] = 1f;
        }
        if (count == 0) return 0;
        values = values[..count];
        for (var i = 0; i < count; i++)
            values[i] = (values[i] > 1f ? 1f + MathF.Log(values[i]) : 1f) * Idf[indices[i]];
        var norm = TensorPrimitives.Norm(values);
        if (norm > 0) TensorPrimitives.Multiply(values, weight / norm, values);
        return count;
    }
}
