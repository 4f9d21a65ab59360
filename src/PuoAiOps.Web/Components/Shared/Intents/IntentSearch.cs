using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Components.Shared.Intents;

/// <summary>
/// Filters and ranks intents as a person types: every word must match somewhere; matches at the
/// start of the key or a name outrank matches inside a word, which outrank matches in the domain or
/// description (<see cref="PickerIntent.SearchText"/>). Ties keep the taxonomy's order.
/// </summary>
public static class IntentSearch
{
    /// <summary>How many matches get a number key (1-9).</summary>
    public const int Numbered = 9;

    public static IReadOnlyList<PickerIntent> Rank(IReadOnlyList<PickerIntent> intents, string? query, IReadOnlyList<int>? pinned = null)
    {
        var terms = Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (terms.Length == 0)
        {
            if (pinned is not { Count: > 0 }) return intents;
            // Pinned intents (adjudication: the annotators' answers) come first, in the order given.
            var byId = intents.ToDictionary(i => i.Id);
            var first = pinned.Distinct().Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            return [.. first, .. intents.Where(i => !first.Contains(i))];
        }
        return intents
            .Select((intent, index) => (intent, index, score: Score(intent, terms)))
            .Where(x => x.score > 0)
            .OrderByDescending(x => x.score).ThenBy(x => x.index)
            .Select(x => x.intent)
            .ToList();
    }

    private static int Score(PickerIntent intent, string[] terms)
    {
        var key = intent.Key.ToLowerInvariant();
        var keyWords = key.Replace('_', ' ');
        var name = Normalize(intent.Name);
        var zh = intent.ChineseName ?? "";
        var total = 0;
        foreach (var term in terms)
        {
            if (key.StartsWith(term, StringComparison.Ordinal) || name.StartsWith(term, StringComparison.Ordinal) || zh.StartsWith(term, StringComparison.Ordinal))
                total += 100;
            else if (StartsWord(keyWords, term) || StartsWord(name, term))
                total += 70;
            else if (key.Contains(term, StringComparison.Ordinal) || name.Contains(term, StringComparison.Ordinal) || zh.Contains(term, StringComparison.Ordinal))
                total += 40;
            else if (intent.SearchText.Contains(term, StringComparison.Ordinal))
                total += 10;
            else
                return 0;
        }
        return total;
    }

    private static bool StartsWord(string text, string term) =>
        text.StartsWith(term, StringComparison.Ordinal) || text.Contains(" " + term, StringComparison.Ordinal);

    private static string Normalize(string? text) =>
        string.Join(' ', (text ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
