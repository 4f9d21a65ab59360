using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// Curator-managed synonym sets applied to queries: when a query contains a term (or one of its
/// synonyms) the other members of the set are appended, so "top up" also finds "recharge" and
/// "充值" finds "储值". Matching is on normalised text: whole words for Latin script, substrings for
/// CJK (which has no spaces). Expansion only adds words; the original query is always kept.
/// </summary>
public sealed class Glossary
{
    private readonly List<string[]> _sets;

    public Glossary(IEnumerable<IReadOnlyCollection<string>> synonymSets)
    {
        _sets = synonymSets
            .Select(set => set.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray())
            .Where(set => set.Length > 1)
            .ToList();
    }

    public static Glossary Empty { get; } = new([]);

    public int Count => _sets.Count;

    /// <summary>The query followed by the synonyms of every term it contains, or the query unchanged.</summary>
    public string Expand(string query)
    {
        if (_sets.Count == 0 || string.IsNullOrWhiteSpace(query)) return query;
        var normalized = " " + string.Join(' ', Tokenizer.Tokenize(query)) + " ";
        var added = new List<string>();
        foreach (var set in _sets)
        {
            if (!set.Any(term => Contains(normalized, term))) continue;
            added.AddRange(set.Where(term => !Contains(normalized, term) && !added.Contains(term)));
        }
        return added.Count == 0 ? query : query + " " + string.Join(' ', added);
    }

    private static bool Contains(string normalizedQuery, string term)
    {
        if (term.Any(TextNormalizer.IsCjk))
            return normalizedQuery.Replace(" ", "", StringComparison.Ordinal).Contains(term.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var words = " " + string.Join(' ', Tokenizer.Tokenize(term)) + " ";
        return normalizedQuery.Contains(words, StringComparison.Ordinal);
    }
}
