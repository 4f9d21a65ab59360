namespace PuoAiOps.Core.Classification;

/// <summary>
/// Reusable per-thread buffers for featurising and scoring one text, so steady-state prediction
/// allocates only the normalised string. Grows on demand and never shrinks.
/// </summary>
internal sealed class FeatureScratch
{
    private ulong[] _wordHashes = new ulong[64];
    private ulong[] _charHashes = new ulong[256];

    public int WordCount { get; private set; }
    public int CharCount { get; private set; }
    public Span<ulong> WordHashes => _wordHashes.AsSpan(0, WordCount);
    public Span<ulong> CharHashes => _charHashes.AsSpan(0, CharCount);

    /// <summary>Feature indices and weights of the current text, sorted by index.</summary>
    public int[] Indices { get; private set; } = new int[256];
    public float[] Values { get; private set; } = new float[256];

    /// <summary>Per-class scores; sized by the model on first use.</summary>
    public float[] Scores { get; private set; } = [];

    public void ResetHashes()
    {
        WordCount = 0;
        CharCount = 0;
    }

    public void AddWord(ulong hash)
    {
        if (WordCount == _wordHashes.Length) Array.Resize(ref _wordHashes, _wordHashes.Length * 2);
        _wordHashes[WordCount++] = hash;
    }

    public void AddChar(ulong hash)
    {
        if (CharCount == _charHashes.Length) Array.Resize(ref _charHashes, _charHashes.Length * 2);
        _charHashes[CharCount++] = hash;
    }

    public void EnsureFeatureCapacity(int count)
    {
        if (Indices.Length >= count) return;
        var size = Math.Max(count, Indices.Length * 2);
        Indices = new int[size];
        Values = new float[size];
    }

    public float[] EnsureScores(int classes)
    {
        if (Scores.Length != classes) Scores = new float[classes];
        return Scores;
    }
}
