namespace PuoAiOps.Application.Bot;

/// <summary>
/// Multi-turn context. A short follow-up ("and in China?", "还是不行") carries too little to classify
/// or search on its own, so the previous user question is prepended; the recent turns also go to the
/// LLM as history. Only redacted text is involved.
/// </summary>
public static class FollowUp
{
    /// <summary>Questions with fewer terms than this are read together with the previous question.</summary>
    public const int ShortQuestionTerms = 4;

    public static string Effective(string question, IReadOnlyList<(bool FromUser, string Text)> history)
    {
        if (history.Count == 0 || TermOverlap.Terms(question).Count >= ShortQuestionTerms) return question;
        var previous = history.LastOrDefault(h => h.FromUser).Text;
        return string.IsNullOrWhiteSpace(previous) ? question : previous + "\n" + question;
    }

    public static string History(IReadOnlyList<(bool FromUser, string Text)> history) =>
        string.Join("\n", history.Select(h => (h.FromUser ? "User: " : "Bot: ") + (h.Text.Length > 300 ? h.Text[..300] + "…" : h.Text)));
}
