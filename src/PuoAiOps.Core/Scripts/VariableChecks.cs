using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Scripts;

/// <summary>Placeholders used must be well formed and declared; declared variables should be used.</summary>
internal static class VariableChecks
{
    public static void Run(string text, IReadOnlyList<Placeholder> placeholders, IReadOnlyList<ScriptVariable> declared, List<LintFinding> findings)
    {
        var names = declared.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in ScriptVariable.Problems(declared))
            findings.Add(new(LintRules.Variables, LintSeverity.Error, problem, 0, 0));

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in placeholders)
        {
            if (!p.IsWellFormed)
            {
                var hint = p.Raw == "{{" ? CodedMessage.Of(LintMessage.PlaceholderUnclosed)
                    : CodedMessage.Of(LintMessage.PlaceholderInvalid, p.Raw, Suggest(p.Raw));
                findings.Add(new(LintRules.Placeholder, LintSeverity.Error, hint, p.Start, p.End));
                continue;
            }
            used.Add(p.Name);
            if (!names.Contains(p.Name))
                findings.Add(new(LintRules.UndeclaredVariable, LintSeverity.Error,
                    CodedMessage.Of(LintMessage.UndeclaredVariable, p.Name), p.Start, p.End));
        }
        foreach (var v in declared.Where(v => ScriptPlaceholders.IsValidName(v.Name) && !used.Contains(v.Name)).DistinctBy(v => v.Name))
            findings.Add(new(LintRules.UnusedVariable, LintSeverity.Warning, CodedMessage.Of(LintMessage.UnusedVariable, v.Name), 0, 0));
    }

    private static string Suggest(string raw)
    {
        var name = ScriptPlaceholders.ToVariableName(raw);
        return name.Length == 0 ? "order_id" : name;
    }
}
