namespace PuoAiOps.Core.Classification;

/// <summary>
/// Reusable per-thread buffers for featurising and scoring one text, so steady-state prediction
/// allocates only the normalised string. Grows on demand and never shrinks.
/// </summary>
internal sealed class FeatureScratch
{
    /// <summary>The normalised question (see <see cref="Normalize"/>).</summary>
    private char[] _text = new char[256];
    private ulong[] _wordHashes = new ulong[64];
    private ulong[] _charHashes = new ulong[256];

    public int WordCount { get; private set; }
    public int CharCount { get; private set; }
    public Span<ulong> WordHashes => _wordHashes.AsSpan(0, WordCount);
    public Span<ulong> CharHashes => _charHashes.AsSpan(0, CharCount);

    /// <summary>Feature indices and weights of the current text (first-seen order within each block).</summary>
    public int[] Indices { get; private set; } = new int[256];
    public float[] Values { get; private set; } = new float[256];

    /// <summary>Per-class scores (padded to the model's row stride); grown by the model on first use.</summary>
    public float[] Scores { get; private set; } = [];

    /// <summary>Normalises <paramref name="text"/> into this scratch's buffer, without allocating for NFKC (e.g. ASCII) input.</summary>
    public ReadOnlySpan<char> Normalize(string text)
    {
        // Normalize may swap _text for a larger array, so the field is read only after it returns:
        // `_text.AsSpan(0, Normalize(text, ref _text))` would slice the old, too short array.
        var length = PuoAiOps.Core.Text.TextNormalizer.Normalize(text, ref _text);
        return _text.AsSpan(0, length);
    }

    public void ResetHashes()
    {
        WordCount = 0;
        CharCount = 0;
        UnigramCount = 0;
    }

    public void AddWord(ulong hash)
    {
        if (WordCount == _wordHashes.Length) Array.Resize(ref _wordHashes, _wordHashes.Length * 2);
        _wordHashes[WordCount++] = hash;
    }

    /// <summary>A word or single CJK character: a word feature that also counts towards <see cref="KnownShare"/>.</summary>
    public void AddUnigram(ulong hash)
    {
        AddWord(hash);
        if (UnigramCount == _unigrams.Length) Array.Resize(ref _unigrams, _unigrams.Length * 2);
        _unigrams[UnigramCount++] = hash;
    }

    private ulong[] _unigrams = new ulong[32];
    public int UnigramCount { get; private set; }
    public Span<ulong> Unigrams => _unigrams.AsSpan(0, UnigramCount);

    /// <summary>Share of the current text's words (and CJK characters) that are features of the model.</summary>
    public float KnownShare { get; set; }

    public void AddChar(ulong hash)
    {
        if (CharCount == _charHashes.Length) Array.Resize(ref _charHashes, _charHashes.Length * 2);
        _charHashes[CharCount++] = hash;
    }

    private int[] _slots = new int[512];

    /// <summary>An empty (all -1) power-of-two table at least twice <paramref name="items"/>, and the shift for Fibonacci hashing into it.</summary>
    public Span<int> DedupSlots(int items, out int shift)
    {
        // Clamped so that a huge text cannot overflow the doubling; only distinct known features are inserted, far fewer.
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp((long)items * 2, 16, 1 << 30));
        if (_slots.Length < size) _slots = new int[size];
        var slots = _slots.AsSpan(0, size);
        slots.Fill(-1);
        shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        return slots;
    }

    public void EnsureFeatureCapacity(int count)
    {
        if (Indices.Length >= count) return;
        var size = Math.Max(count, Indices.Length * 2);
        Indices = new int[size];
        Values = new float[size];
    }

    public Span<float> EnsureScores(int length)
    {
        if (Scores.Length < length) Scores = new float[length];
        return Scores.AsSpan(0, length);
    }
}
