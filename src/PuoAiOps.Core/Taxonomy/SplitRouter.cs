using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Taxonomy;

/// <summary>Keywords that send a text to one of the intents a split creates; any keyword matching is enough.</summary>
public sealed record KeywordRule(IReadOnlyList<string> Keywords, string Target);

public enum SplitReason { Explicit, Keyword, Default }

public readonly record struct SplitRoute(string Target, SplitReason Reason);

/// <summary>
/// Decides where each labelled question of a split intent goes: an explicit question-id mapping
/// first, then the first keyword rule that matches the text, then the default target. Keywords
/// are compared on normalised text (NFKC, lower case); Latin keywords must match whole words so
/// "card" does not catch "discard", CJK keywords match anywhere because CJK has no spaces.
/// </summary>
public sealed class SplitRouter
{
    private readonly IReadOnlyDictionary<long, string> _explicit;
    private readonly List<(string[] Keywords, string Target)> _rules;
    private readonly string _default;

    public SplitRouter(IReadOnlyDictionary<long, string> explicitTargets, IReadOnlyList<KeywordRule> rules, string defaultTarget)
    {
        _explicit = explicitTargets;
        _rules = rules.Select(r => (r.Keywords.Select(TextNormalizer.Normalize).Where(k => k.Length > 0).ToArray(), r.Target)).ToList();
        _default = defaultTarget;
    }

    public SplitRoute RouteQuestion(long questionId, string? text) =>
        _explicit.TryGetValue(questionId, out var target) ? new SplitRoute(target, SplitReason.Explicit) : RouteText(text);

    public SplitRoute RouteText(string? text)
    {
        var matched = MatchKeywords(text);
        return matched is null ? new SplitRoute(_default, SplitReason.Default) : new SplitRoute(matched, SplitReason.Keyword);
    }

    /// <summary>The target of the first matching keyword rule, or null.</summary>
    public string? MatchKeywords(string? text)
    {
        if (string.IsNullOrEmpty(text) || _rules.Count == 0) return null;
        var normalized = TextNormalizer.Normalize(text);
        foreach (var (keywords, target) in _rules)
            foreach (var keyword in keywords)
                if (Contains(normalized, keyword)) return target;
        return null;
    }

    private static bool Contains(string text, string keyword)
    {
        var wholeWord = !keyword.Any(TextNormalizer.IsCjk);
        for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
        {
            if (!wholeWord) return true;
            var end = at + keyword.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]) || TextNormalizer.IsCjk(text[at - 1]);
            var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]) || TextNormalizer.IsCjk(text[end]);
            if (startsWord && endsWord) return true;
        }
        return false;
    }
}
