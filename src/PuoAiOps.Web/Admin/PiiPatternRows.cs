using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Web.Admin;

/// <summary>
/// The rows of the PII pattern editor as posted (parallel name[] and pattern[] fields). A row with
/// both fields empty is a spare row and ignored, so clearing a row removes that pattern.
/// </summary>
public sealed record PiiPatternRows(IReadOnlyList<CustomPiiPattern> Patterns)
{
    public static PiiPatternRows From(IFormCollection form)
    {
        var names = form["name"];
        var patterns = form["pattern"];
        var rows = new List<CustomPiiPattern>();
        for (var i = 0; i < Math.Max(names.Count, patterns.Count); i++)
        {
            var name = i < names.Count ? names[i]?.Trim() ?? "" : "";
            var pattern = i < patterns.Count ? patterns[i] ?? "" : "";
            if (name.Length == 0 && pattern.Length == 0) continue;
            rows.Add(new CustomPiiPattern(name, pattern));
        }
        return new PiiPatternRows(rows);
    }
}
