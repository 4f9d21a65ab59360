using System.Text.Json;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>The judge's grade of one answer, as the prompt's JSON gave it and the grading rules accept it.</summary>
public sealed record JudgeVerdict(GradeVerdict Verdict, IReadOnlyList<string> Reasons, string? Note);

/// <summary>
/// Reads the judge prompt's output. Anything that is not exactly one JSON object with a known
/// verdict and known reason codes, following the same rules as a reviewer's grade (a correct grade
/// has no reasons, the others at least one), is refused: a guess is never stored as a grade.
/// </summary>
public static class JudgeVerdictParser
{
    /// <summary>The note is a hint for reviewers, not a report.</summary>
    public const int MaxNoteLength = 300;

    public static JudgeVerdict? Parse(string? output)
    {
        if (string.IsNullOrWhiteSpace(output)) return null;
        try
        {
            using var doc = JsonDocument.Parse(output.Trim());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (!root.TryGetProperty("verdict", out var v) || v.ValueKind != JsonValueKind.String) return null;
            GradeVerdict? verdict = v.GetString() switch
            {
                "correct" => GradeVerdict.Correct,
                "partial" => GradeVerdict.Partial,
                "incorrect" => GradeVerdict.Incorrect,
                _ => null,
            };
            if (verdict is null) return null;
            var reasons = new List<string>();
            if (root.TryGetProperty("reasons", out var r))
            {
                if (r.ValueKind != JsonValueKind.Array) return null;
                foreach (var code in r.EnumerateArray())
                {
                    if (code.ValueKind != JsonValueKind.String || code.GetString() is not { } text || !GradeReasons.IsKnown(text)) return null;
                    if (!reasons.Contains(text, StringComparer.Ordinal)) reasons.Add(text);
                }
            }
            if (verdict == GradeVerdict.Correct ? reasons.Count > 0 : reasons.Count == 0) return null;
            var note = root.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()?.Trim() : null;
            if (note is { Length: > MaxNoteLength }) note = note[..MaxNoteLength];
            return new JudgeVerdict(verdict.Value, reasons, string.IsNullOrEmpty(note) ? null : note);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
