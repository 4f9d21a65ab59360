using PuoAiOps.Application.Knowledge.Search;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// The answer without an LLM: the best passage itself, cut at a line or sentence end within the
/// length limit, under its heading and with its source. Text of an approved SOP, never generated.
/// </summary>
public static class ExtractiveAnswer
{
    public static string Compose(KnowledgeHit hit, string locale, int maxLength)
    {
        var body = Cut(hit.Text.Trim(), maxLength);
        var heading = string.IsNullOrWhiteSpace(hit.Heading) ? hit.Title : hit.Heading;
        return $"{heading}\n\n{body}\n\n{HandoffText.SourcesIntro(locale)}{hit.Title}";
    }

    internal static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var window = text[..maxLength];
        var line = window.LastIndexOf('\n');
        if (line >= maxLength / 2) return window[..line].TrimEnd();
        var sentence = window.LastIndexOfAny(['.', '。', '!', '！', '?', '？', ';', '；']);
        if (sentence >= maxLength / 2) return window[..(sentence + 1)];
        return window.TrimEnd() + "…";
    }
}
