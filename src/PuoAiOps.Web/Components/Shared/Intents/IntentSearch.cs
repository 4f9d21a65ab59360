using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Taxonomy;

namespace PuoAiOps.Web.Components.Shared.Intents;

/// <summary>
/// The keyboard picker's list as a person types: ranked by <see cref="IntentRanking"/> (the rule every intent
/// picker shares), ties in the taxonomy's order; with nothing typed, pinned intents first.
/// </summary>
public static class IntentSearch
{
    /// <summary>How many matches get a number key (1-9).</summary>
    public const int Numbered = 9;

    public static IReadOnlyList<PickerIntent> Rank(IReadOnlyList<PickerIntent> intents, string? query, IReadOnlyList<int>? pinned = null)
    {
        var terms = IntentRanking.Terms(query);
        if (terms.Length == 0)
        {
            if (pinned is not { Count: > 0 }) return intents;
            // Pinned intents (adjudication: the annotators' answers) come first, in the order given.
            var byId = intents.ToDictionary(i => i.Id);
            var first = pinned.Distinct().Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            return [.. first, .. intents.Where(i => !first.Contains(i))];
        }
        return intents
            .Select((intent, index) => (intent, index, score: IntentRanking.Score(intent.Key, [intent.Name, intent.ChineseName], intent.SearchText, terms)))
            .Where(x => x.score > 0)
            .OrderByDescending(x => x.score).ThenBy(x => x.index)
            .Select(x => x.intent)
            .ToList();
    }
}
