using System.Numerics;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// Read-only map from n-gram hash to feature index: open addressing with linear probing over a
/// power-of-two table at most half full. Faster and far smaller than a Dictionary on the hot path.
/// </summary>
internal sealed class HashIndex
{
    private readonly ulong[] _keys;
    private readonly int[] _values; // feature index + 1; 0 marks an empty slot
    private readonly int _mask;

    public HashIndex(ReadOnlySpan<ulong> hashes)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, hashes.Length * 2));
        _keys = new ulong[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < hashes.Length; i++)
        {
            var slot = (int)hashes[i] & _mask;
            while (_values[slot] != 0)
            {
                if (_keys[slot] == hashes[i]) throw new ArgumentException($"Duplicate feature hash at {i}.", nameof(hashes));
                slot = (slot + 1) & _mask;
            }
            _keys[slot] = hashes[i];
            _values[slot] = i + 1;
        }
    }

    /// <summary>The feature index of <paramref name="hash"/>, or -1 when the model never saw it.</summary>
    public int Find(ulong hash)
    {
        var slot = (int)hash & _mask;
        while (true)
        {
            var value = _values[slot];
            if (value == 0) return -1;
            if (_keys[slot] == hash) return value - 1;
            slot = (slot + 1) & _mask;
        }
    }
}
