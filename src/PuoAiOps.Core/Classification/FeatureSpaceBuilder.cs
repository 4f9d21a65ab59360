namespace PuoAiOps.Core.Classification;

/// <summary>Fits a <see cref="FeatureSpace"/> on training texts: document frequencies, min-df pruning, smooth IDF.</summary>
internal static class FeatureSpaceBuilder
{
    public static FeatureSpace Fit(IReadOnlyList<string> normalizedTexts, FeatureOptions options)
    {
        options.Validate();
        var perText = new (ulong[] Words, ulong[] Chars)[normalizedTexts.Count];
        Parallel.For(0, normalizedTexts.Count, () => new FeatureScratch(), (i, _, scratch) =>
        {
            NgramHasher.Hash(normalizedTexts[i], options, scratch);
            perText[i] = (Distinct(scratch.WordHashes), Distinct(scratch.CharHashes));
            return scratch;
        }, _ => { });

        var wordDf = new Dictionary<ulong, int>();
        var charDf = new Dictionary<ulong, int>();
        foreach (var (words, chars) in perText)
        {
            Count(wordDf, words);
            Count(charDf, chars);
        }
        var wordKept = Kept(wordDf, options.WordMinDf);
        // A char hash equal to a word hash (odds ~1e-10) would make the feature ambiguous: drop it.
        var charKept = Kept(charDf, options.CharMinDf).Where(h => !wordDf.ContainsKey(h)).ToArray();

        var hashes = new ulong[wordKept.Length + charKept.Length];
        var idf = new float[hashes.Length];
        var n = normalizedTexts.Count;
        for (var i = 0; i < wordKept.Length; i++)
        {
            hashes[i] = wordKept[i];
            idf[i] = Idf(n, wordDf[wordKept[i]]);
        }
        for (var i = 0; i < charKept.Length; i++)
        {
            hashes[wordKept.Length + i] = charKept[i];
            idf[wordKept.Length + i] = Idf(n, charDf[charKept[i]]);
        }
        return new FeatureSpace(options, hashes, idf, wordKept.Length);
    }

    private static float Idf(int documents, int df) => MathF.Log((1f + documents) / (1f + df)) + 1f;

    private static ulong[] Distinct(Span<ulong> hashes)
    {
        var copy = hashes.ToArray();
        Array.Sort(copy);
        var count = 0;
        for (var i = 0; i < copy.Length; i++)
            if (i == 0 || copy[i] != copy[i - 1]) copy[count++] = copy[i];
        Array.Resize(ref copy, count);
        return copy;
    }

    private static void Count(Dictionary<ulong, int> df, ulong[] hashes)
    {
        foreach (var hash in hashes)
            df[hash] = df.GetValueOrDefault(hash) + 1;
    }

    // Sorted so that the feature order (and so the model bytes) never depends on dictionary order.
    private static ulong[] Kept(Dictionary<ulong, int> df, int minDf)
    {
        var kept = df.Where(kv => kv.Value >= minDf).Select(kv => kv.Key).ToArray();
        Array.Sort(kept);
        return kept;
    }
}
