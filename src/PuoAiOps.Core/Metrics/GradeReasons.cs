namespace PuoAiOps.Core.Metrics;

/// <summary>Why an answer was graded partially correct or incorrect. Stored as these codes, comma-separated.</summary>
public static class GradeReasons
{
    public const string WrongIntent = "wrong_intent";
    public const string OutdatedSop = "outdated_sop";
    public const string Incomplete = "incomplete";
    public const string InventedFacts = "invented_facts";
    public const string Tone = "tone";
    public const string ShouldHaveEscalated = "should_have_escalated";

    public static IReadOnlyList<string> All { get; } = [WrongIntent, OutdatedSop, Incomplete, InventedFacts, Tone, ShouldHaveEscalated];

    public static bool IsKnown(string code) => All.Contains(code, StringComparer.Ordinal);
}
