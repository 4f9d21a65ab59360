namespace PuoAiOps.Application.Taxonomy;

/// <summary>
/// How intents rank against what a person types, the one rule for every intent picker (the keyboard picker of
/// labeling and adjudication, and the autocomplete of every other page): every word must match somewhere; a
/// match at the start of the key or a name outranks one at the start of a later word, which outranks one inside
/// a word, which outranks one only in the domain or description. Callers keep their own order for ties.
/// </summary>
public static class IntentRanking
{
    /// <summary>The lower-cased words of a query; none for a blank one.</summary>
    public static string[] Terms(string? query) => Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The score of one intent for <paramref name="terms"/> (0: not a match). <paramref name="searchText"/> is the
    /// lower-cased text of everything else that may match: key, names, domain, description (<see cref="SearchText"/>).
    /// </summary>
    public static int Score(string key, IEnumerable<string?> names, string searchText, IReadOnlyList<string> terms)
    {
        var lowerKey = key.ToLowerInvariant();
        var keyWords = lowerKey.Replace('_', ' ');
        var lowerNames = names.Where(n => !string.IsNullOrEmpty(n)).Select(Normalize).ToList();
        var total = 0;
        foreach (var term in terms)
        {
            if (lowerKey.StartsWith(term, StringComparison.Ordinal) || lowerNames.Any(n => n.StartsWith(term, StringComparison.Ordinal)))
                total += 100;
            else if (StartsWord(keyWords, term) || lowerNames.Any(n => StartsWord(n, term)))
                total += 70;
            else if (lowerKey.Contains(term, StringComparison.Ordinal) || lowerNames.Any(n => n.Contains(term, StringComparison.Ordinal)))
                total += 40;
            else if (searchText.Contains(term, StringComparison.Ordinal))
                total += 10;
            else
                return 0;
        }
        return total;
    }

    /// <summary>The lower-cased text a term may match anywhere in: key (also as words), names, domain and description.</summary>
    public static string SearchText(string key, IEnumerable<string?> names, IEnumerable<string?> domain, string? description) =>
        string.Join(' ', new[] { key, key.Replace('_', ' ') }.Concat(names).Concat(domain).Append(description)
            .Where(s => !string.IsNullOrEmpty(s))).ToLowerInvariant();

    private static bool StartsWord(string text, string term) =>
        text.StartsWith(term, StringComparison.Ordinal) || text.Contains(" " + term, StringComparison.Ordinal);

    private static string Normalize(string? text) =>
        string.Join(' ', (text ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
