using PuoAiOps.Core.Text;

namespace PuoAiOps.Application.VectorSearch.Qdrant;

/// <summary>A sparse term vector: term ids (hashes) ascending, with their weights.</summary>
public sealed record SparseTermVector(uint[] Indices, float[] Values)
{
    public bool IsEmpty => Indices.Length == 0;
}

/// <summary>
/// BM25-style sparse vectors for Qdrant's sparse index with the IDF modifier: the server multiplies
/// by each term's IDF over the collection, so a document carries only BM25's saturated term frequency
/// (k1 1.2, b 0.75) and a query carries 1 per distinct term. Terms come from the project's tokenizer
/// (normalised words; CJK runs cut into overlapping bigrams, as the keyword index's CJK analyzer does).
/// A sparse vector cannot know the corpus's average length, so length is normalised against a
/// nominal chunk of <see cref="NominalLength"/> terms. Term ids are 32-bit FNV-1a hashes: a collision
/// merges two rare terms, which costs a little precision and nothing else.
/// </summary>
public static class SparseTerms
{
    public const float K1 = 1.2f;
    public const float B = 0.75f;
    public const int NominalLength = 120;

    public static SparseTermVector Document(string text)
    {
        var counts = Count(text, out var length);
        var norm = K1 * (1 - B + B * length / NominalLength);
        return Build(counts, tf => tf * (K1 + 1) / (tf + norm));
    }

    public static SparseTermVector Query(string text) => Build(Count(text, out _), _ => 1f);

    private static SparseTermVector Build(Dictionary<uint, int> counts, Func<int, float> weight)
    {
        var indices = counts.Keys.Order().ToArray();
        return new SparseTermVector(indices, indices.Select(i => weight(counts[i])).ToArray());
    }

    private static Dictionary<uint, int> Count(string text, out int length)
    {
        var counts = new Dictionary<uint, int>();
        var normalized = TextNormalizer.Normalize(text);
        length = 0;
        foreach (var token in Tokenizer.Enumerate(normalized))
        {
            var span = token.Slice(normalized);
            if (token.Kind == TokenKind.Cjk && span.Length > 1)
                for (var i = 0; i + 1 < span.Length; i++) Add(counts, span.Slice(i, 2), ref length);
            else Add(counts, span, ref length);
        }
        return counts;
    }

    private static void Add(Dictionary<uint, int> counts, ReadOnlySpan<char> term, ref int length)
    {
        var id = Hash(term);
        counts[id] = counts.GetValueOrDefault(id) + 1;
        length++;
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes and versions (unlike string.GetHashCode).</summary>
    public static uint Hash(ReadOnlySpan<char> term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ (byte)c) * 16777619u;
            hash = (hash ^ (byte)(c >> 8)) * 16777619u;
        }
        return hash;
    }
}
