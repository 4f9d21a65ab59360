using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// Plain Okapi BM25 (k1 = 1.2, b = 0.75) over lower-cased word tokens, no stemming, no stop words:
/// the baseline the retrieval evaluation reports beside the hybrid search, kept deliberately simple
/// so "better than BM25" means better than the textbook method.
/// </summary>
public sealed class OkapiBm25
{
    private readonly double _k1;
    private readonly double _b;
    private readonly List<long> _ids = [];
    private readonly List<int> _lengths = [];
    private readonly Dictionary<string, List<(int Doc, int Tf)>> _postings = new(StringComparer.Ordinal);
    private long _totalLength;

    public OkapiBm25(double k1 = 1.2, double b = 0.75)
    {
        _k1 = k1;
        _b = b;
    }

    public int Count => _ids.Count;

    public void Add(long id, string text)
    {
        var doc = _ids.Count;
        _ids.Add(id);
        var terms = Terms(text);
        _lengths.Add(terms.Count);
        _totalLength += terms.Count;
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(group.Key, out var list)) _postings[group.Key] = list = [];
            list.Add((doc, group.Count()));
        }
    }

    public IReadOnlyList<(long Id, double Score)> Search(string query, int top)
    {
        if (_ids.Count == 0) return [];
        var average = (double)_totalLength / _ids.Count;
        var scores = new Dictionary<int, double>();
        foreach (var term in Terms(query).Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(term, out var postings)) continue;
            var idf = Math.Log(1 + (_ids.Count - postings.Count + 0.5) / (postings.Count + 0.5));
            foreach (var (doc, tf) in postings)
            {
                var norm = tf + _k1 * (1 - _b + _b * _lengths[doc] / average);
                scores[doc] = scores.GetValueOrDefault(doc) + idf * tf * (_k1 + 1) / norm;
            }
        }
        return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(top).Select(s => (_ids[s.Key], s.Value)).ToList();
    }

    /// <summary>Lower-cased words; a CJK run counts as one token per character (there are no spaces to split on).</summary>
    private static List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (token.Length > 0 && TextNormalizer.IsCjk(token[0])) terms.AddRange(token.Select(c => c.ToString()));
            else terms.Add(token.ToLowerInvariant());
        }
        return terms;
    }
}
