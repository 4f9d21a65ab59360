using System.Globalization;
using System.Text.RegularExpressions;

namespace PuoAiOps.Web.Components.Shared;

/// <summary>Splits a localized text around its <c>{n}</c> placeholders, for <see cref="CodeText"/>.</summary>
public static partial class CodeSegments
{
    public readonly record struct Segment(string Text, bool IsCode);

    /// <summary>
    /// The text's pieces in order: plain text, and the code for each placeholder. A placeholder without its code is
    /// kept as written (a resource that asks for more than the page gives shows the gap instead of throwing).
    /// </summary>
    public static IReadOnlyList<Segment> Split(string text, IReadOnlyList<string> code)
    {
        var segments = new List<Segment>();
        var at = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            if (m.Index > at) segments.Add(new Segment(text[at..m.Index], false));
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            segments.Add(index < code.Count ? new Segment(code[index], true) : new Segment(m.Value, false));
            at = m.Index + m.Length;
        }
        if (at < text.Length) segments.Add(new Segment(text[at..], false));
        return segments;
    }

    [GeneratedRegex(@"\{(\d{1,2})\}")]
    private static partial Regex Placeholder();
}
