using PuoAiOps.Core.Text;

namespace PuoAiOps.Application.Knowledge.Search;

/// <summary>A run of a chunk's text, marked when it matches a query term.</summary>
public sealed record TextSegment(string Text, bool Match);

/// <summary>
/// Splits a chunk's text into plain and matching runs for display: Latin query words (2+ letters)
/// match at the start of a word, case-insensitively (so "refund" marks "refunds"), and Chinese
/// queries match by character bigrams, as the CJK analyzer indexes them. Returns text only: the
/// page encodes it and wraps the matches, so no markup from a document ever reaches the page.
/// </summary>
public static class MatchHighlighter
{
    public static IReadOnlyList<TextSegment> Segments(string text, string query)
    {
        if (text.Length == 0) return [];
        var marks = new bool[text.Length];
        foreach (var term in Terms(query))
        {
            var latin = !TextNormalizer.IsCjk(term[0]);
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (latin && at > 0 && char.IsLetterOrDigit(text[at - 1])) continue;
                Array.Fill(marks, true, at, term.Length);
            }
        }
        var segments = new List<TextSegment>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && marks[i] == marks[start]) continue;
            segments.Add(new TextSegment(text[start..i], marks[start]));
            start = i;
        }
        return segments;
    }

    /// <summary>The query's Latin words and Chinese bigrams (a lone Chinese character counts alone).</summary>
    public static IReadOnlyList<string> Terms(string query)
    {
        var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            var j = i;
            if (TextNormalizer.IsCjk(c))
            {
                while (j < query.Length && TextNormalizer.IsCjk(query[j])) j++;
                if (j - i == 1) terms.Add(query[i..j]);
                for (var k = i; k + 1 < j; k++) terms.Add(query.Substring(k, 2));
            }
            else if (char.IsLetterOrDigit(c))
            {
                while (j < query.Length && char.IsLetterOrDigit(query[j]) && !TextNormalizer.IsCjk(query[j])) j++;
                if (j - i >= 2) terms.Add(query[i..j]);
            }
            else j++;
            i = j;
        }
        return terms.OrderByDescending(t => t.Length).ToList();
    }
}
