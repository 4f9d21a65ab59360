using System.Text.RegularExpressions;

namespace PuoAiOps.Core.Scripts;

/// <summary>Small text helpers shared by the linter, the duplicate finder and the standardizer.</summary>
internal static partial class TextScan
{
    /// <summary>Every occurrence of <paramref name="phrase"/>, ignoring case; alphabetic ends must sit on word boundaries.</summary>
    public static IEnumerable<int> FindPhrase(string text, string phrase)
    {
        if (phrase.Length == 0) yield break;
        var from = 0;
        while (from <= text.Length - phrase.Length)
        {
            var at = text.IndexOf(phrase, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) yield break;
            if (OnBoundary(text, at, phrase.Length)) yield return at;
            from = at + 1;
        }
    }

    private static bool OnBoundary(string text, int at, int length)
    {
        var end = at + length;
        var leftOk = !IsWordChar(text[at]) || at == 0 || !IsWordChar(text[at - 1]);
        var rightOk = !IsWordChar(text[end - 1]) || end == text.Length || !IsWordChar(text[end]);
        return leftOk && rightOk;
    }

    /// <summary>Latin letters and digits form words; CJK characters stand alone, so phrases match inside Chinese text.</summary>
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (char.IsLetter(c) && c < '\u2E80');

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The body with placeholders and link targets blanked out (same length, so positions still match).</summary>
    public static string MaskPlaceholdersAndLinks(string body, IReadOnlyList<Placeholder> placeholders, IReadOnlyList<(int Start, int End, string Url)> links)
    {
        var chars = body.ToCharArray();
        foreach (var p in placeholders) Array.Fill(chars, ' ', p.Start, p.End - p.Start);
        foreach (var l in links) Array.Fill(chars, ' ', l.Start, l.End - l.Start);
        return new string(chars);
    }

    /// <summary>Link targets: Markdown <c>[text](url)</c> targets and bare http(s) URLs, with their positions.</summary>
    public static IReadOnlyList<(int Start, int End, string Url)> Links(string body)
    {
        var links = new List<(int, int, string)>();
        foreach (Match m in MarkdownLink().Matches(body))
            links.Add((m.Groups[1].Index, m.Groups[1].Index + m.Groups[1].Length, m.Groups[1].Value));
        foreach (Match m in BareUrl().Matches(body))
            if (!links.Any(l => m.Index >= l.Item1 && m.Index < l.Item2))
                links.Add((m.Index, m.Index + m.Length, m.Value.TrimEnd('.', ',', ';', ':', '!', '?', '。', '，')));
        return links.Select(l => (l.Item1, l.Item1 + l.Item3.Length, l.Item3)).OrderBy(l => l.Item1).ToList();
    }

    /// <summary>Sentences as [start, end) ranges: split after . ! ? and their full-width forms, and at line breaks.</summary>
    public static IEnumerable<(int Start, int End)> Sentences(string body)
    {
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            var split = c is '\n' or '。' or '！' or '？' or '；'
                || (c is '.' or '!' or '?' && (i + 1 == body.Length || char.IsWhiteSpace(body[i + 1])));
            if (!split) continue;
            if (i + 1 > start) yield return (start, i + 1);
            start = i + 1;
        }
        if (start < body.Length) yield return (start, body.Length);
    }

    [GeneratedRegex(@"\]\(\s*([^)\s]+)[^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>()\[\]{}""'，。]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex BareUrl();

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!][^<>]*>", RegexOptions.CultureInvariant)]
    public static partial Regex HtmlTag();
}
