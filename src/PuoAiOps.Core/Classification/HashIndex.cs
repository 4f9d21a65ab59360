using System.Numerics;
using System.Runtime.CompilerServices;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// Read-only map from 64-bit n-gram hash to feature index, built for the hot path: one 8-byte slot
/// per entry (upper 32 bits of the hash as fingerprint, feature index + 1 below; 0 = empty),
/// linear probing from the hash's low bits, at most about two-thirds full. A 70,000-feature model
/// needs 1 MB, which stays in a core's L2 cache; a Dictionary would need several times that.
/// Two features whose fingerprints meet in one probe chain would be ambiguous: <see cref="Conflicts"/>
/// finds them so the builder drops one (odds about one in ten thousand per model).
/// </summary>
internal sealed class HashIndex
{
    private readonly ulong[] _slots;
    private readonly int _mask;

    public HashIndex(ReadOnlySpan<ulong> hashes)
    {
        _slots = new ulong[Capacity(hashes.Length)];
        _mask = _slots.Length - 1;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (!TryInsert(_slots, _mask, hashes[i], i))
                throw new ArgumentException($"Feature hash {i} is ambiguous with an earlier one; build the feature list with HashIndex.Conflicts.", nameof(hashes));
        }
    }

    /// <summary>Indices of hashes that would be ambiguous with an earlier one in the list (usually none).</summary>
    public static List<int> Conflicts(ReadOnlySpan<ulong> hashes)
    {
        var slots = new ulong[Capacity(hashes.Length)];
        var conflicts = new List<int>();
        var kept = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (TryInsert(slots, slots.Length - 1, hashes[i], kept)) kept++;
            else conflicts.Add(i);
        }
        return conflicts;
    }

    /// <summary>The feature index of <paramref name="hash"/>, or -1 when the model never saw it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip the unoptimised first tier
    public int Find(ulong hash)
    {
        var fingerprint = hash & 0xFFFFFFFF00000000UL;
        var slot = (int)hash & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0) return -1;
            if ((entry & 0xFFFFFFFF00000000UL) == fingerprint) return (int)(uint)entry - 1;
            slot = (slot + 1) & _mask;
        }
    }

    private static int Capacity(int count) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, count + count / 2));

    private static bool TryInsert(ulong[] slots, int mask, ulong hash, int index)
    {
        var fingerprint = hash & 0xFFFFFFFF00000000UL;
        var slot = (int)hash & mask;
        // Probing from this hash's home slot must not meet an equal fingerprint, or Find could return the wrong feature.
        while (slots[slot] != 0)
        {
            if ((slots[slot] & 0xFFFFFFFF00000000UL) == fingerprint) return false;
            slot = (slot + 1) & mask;
        }
        slots[slot] = fingerprint | (uint)(index + 1);
        return true;
    }
}
