using System.Text.RegularExpressions;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Questions;

/// <summary>A piece of redacted text: as written, or a marker such as &lt;EMAIL&gt;.</summary>
public sealed record PreviewPart(string Text, bool IsMarker);

/// <summary>
/// The sample as an import would store it with the patterns being edited (saved or not): its parts,
/// and how many of each marker were placed; or why the patterns cannot run.
/// </summary>
public sealed record PiiPreview(
    IReadOnlyList<PreviewPart> Parts, IReadOnlyList<(string Marker, int Count)> Found,
    IReadOnlyList<PiiPatternError> Errors, string? TimedOutPattern)
{
    public bool CanRun => Errors.Count == 0 && TimedOutPattern is null;
}

/// <summary>The settings page's live test of the custom PII patterns, the same redactor the importer runs.</summary>
public static partial class PiiPatternPreview
{
    public const int MaxSampleLength = 4000;

    /// <summary>The rows of the editor that are patterns: a row with both fields empty is a spare one; names are trimmed.</summary>
    public static IReadOnlyList<CustomPiiPattern> Rows(IEnumerable<(string? Name, string? Pattern)> rows) =>
        rows.Select(r => (Name: r.Name?.Trim() ?? "", Pattern: r.Pattern ?? ""))
            .Where(r => r.Name.Length > 0 || r.Pattern.Length > 0)
            .Select(r => new CustomPiiPattern(r.Name, r.Pattern)).ToList();

    public static PiiPreview Try(IReadOnlyList<CustomPiiPattern> patterns, string? sample)
    {
        var errors = PiiRedactor.Validate(patterns);
        if (errors.Count > 0) return new([], [], errors, null);
        var text = sample ?? "";
        if (text.Length > MaxSampleLength) text = text[..MaxSampleLength];
        try
        {
            var redactor = new PiiRedactor(patterns);
            var result = redactor.Redact(text);
            var found = PiiTypes.BuiltIn.Select(t => (PiiTypes.Marker(t), result.Count(t)))
                .Concat(redactor.CustomPatternNames.Select((name, i) => ($"<{name}>", result.CustomCount(i))))
                .Where(f => f.Item2 > 0).ToList();
            return new(Split(result.Text), found, [], null);
        }
        catch (PiiRedactionTimeoutException ex)
        {
            return new([], [], [], ex.PatternName);
        }
    }

    private static List<PreviewPart> Split(string text)
    {
        var parts = new List<PreviewPart>();
        var last = 0;
        foreach (Match match in Markers().Matches(text))
        {
            if (match.Index > last) parts.Add(new(text[last..match.Index], false));
            parts.Add(new(match.Value, true));
            last = match.Index + match.Length;
        }
        if (last < text.Length) parts.Add(new(text[last..], false));
        return parts;
    }

    /// <summary>Marker tokens in redacted text, e.g. &lt;EMAIL&gt; or &lt;ORDER_ID&gt;.</summary>
    [GeneratedRegex("<[A-Z][A-Z0-9_]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Markers();
}
