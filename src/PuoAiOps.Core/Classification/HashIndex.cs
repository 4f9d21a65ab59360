using System.Numerics;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// Read-only map from n-gram hash to feature index: open addressing with linear probing over a
/// power-of-two table at most half full, key and value side by side so a lookup touches one cache
/// line. This lookup is most of the cost of featurising a question, hence no Dictionary.
/// </summary>
internal sealed class HashIndex
{
    private readonly Entry[] _entries; // Value = feature index + 1; 0 marks an empty slot
    private readonly int _mask;

    public HashIndex(ReadOnlySpan<ulong> hashes)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, hashes.Length * 2));
        _entries = new Entry[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < hashes.Length; i++)
        {
            var slot = (int)hashes[i] & _mask;
            while (_entries[slot].Value != 0)
            {
                if (_entries[slot].Key == hashes[i]) throw new ArgumentException($"Duplicate feature hash at {i}.", nameof(hashes));
                slot = (slot + 1) & _mask;
            }
            _entries[slot] = new Entry(hashes[i], i + 1);
        }
    }

    /// <summary>The feature index of <paramref name="hash"/>, or -1 when the model never saw it.</summary>
    public int Find(ulong hash)
    {
        var slot = (int)hash & _mask;
        while (true)
        {
            var entry = _entries[slot];
            if (entry.Value == 0) return -1;
            if (entry.Key == hash) return entry.Value - 1;
            slot = (slot + 1) & _mask;
        }
    }

    private readonly record struct Entry(ulong Key, int Value);
}
