using System.Text.RegularExpressions;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// How much of a question a passage covers: the share of the question's terms (Latin words of three
/// letters or more without stop words, and Chinese character pairs) that occur in the passage.
/// The extractive answer uses it so that a passage that merely ranked first is not sent as an answer.
/// </summary>
public static partial class TermOverlap
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "can", "how", "what", "why", "when", "where", "who",
        "does", "did", "was", "were", "has", "have", "had", "this", "that", "with", "from", "there", "their", "they",
        "will", "would", "could", "should", "please", "help", "want", "need", "get", "got", "just", "any", "all",
        "my", "me", "our", "about", "into", "out", "too", "very", "still", "also", "hello", "thanks", "thank",
    };

    public static double Share(string question, string passage)
    {
        var terms = Terms(question);
        if (terms.Count == 0) return 0;
        var inPassage = Terms(passage);
        return terms.Count(inPassage.Contains) / (double)terms.Count;
    }

    public static HashSet<string> Terms(string text)
    {
        var lower = text.ToLowerInvariant();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match word in Word().Matches(lower))
        {
            var w = Stem(word.Value);
            if (w.Length >= 3 && !StopWords.Contains(w)) terms.Add(w);
        }
        foreach (Match run in Han().Matches(lower))
        {
            var s = run.Value;
            if (s.Length == 1) continue;
            for (var i = 0; i + 1 < s.Length; i++) terms.Add(s.Substring(i, 2));
        }
        return terms;
    }

    /// <summary>A light plural/tense fold (refunds → refund, charged → charg) so inflections still meet.</summary>
    private static string Stem(string w) =>
        w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) ? w[..^3]
        : w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) ? w[..^2]
        : w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1]
        : w;

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\u4e00-\u9fff]+")]
    private static partial Regex Han();
}
