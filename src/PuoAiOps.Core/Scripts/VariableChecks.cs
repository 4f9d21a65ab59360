namespace PuoAiOps.Core.Scripts;

/// <summary>Placeholders used must be well formed and declared; declared variables should be used.</summary>
internal static class VariableChecks
{
    public static void Run(string text, IReadOnlyList<Placeholder> placeholders, IReadOnlyList<ScriptVariable> declared, List<LintFinding> findings)
    {
        var names = declared.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in ScriptVariable.Validate(declared))
            findings.Add(new(LintRules.Variables, LintSeverity.Error, problem, 0, 0));

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in placeholders)
        {
            if (!p.IsWellFormed)
            {
                var hint = p.Raw == "{{" ? "This '{{' is never closed with '}}'."
                    : $"'{{{{{p.Raw}}}}}' is not a valid variable name; use lower-case letters, digits and '_' (e.g. {{{{{Suggest(p.Raw)}}}}}).";
                findings.Add(new(LintRules.Placeholder, LintSeverity.Error, hint, p.Start, p.End));
                continue;
            }
            used.Add(p.Name);
            if (!names.Contains(p.Name))
                findings.Add(new(LintRules.UndeclaredVariable, LintSeverity.Error,
                    $"{{{{{p.Name}}}}} is used but not declared; declare it with a type, or remove it.", p.Start, p.End));
        }
        foreach (var v in declared.Where(v => ScriptPlaceholders.IsValidName(v.Name) && !used.Contains(v.Name)).DistinctBy(v => v.Name))
            findings.Add(new(LintRules.UnusedVariable, LintSeverity.Warning, $"Variable '{v.Name}' is declared but the text never uses it.", 0, 0));
    }

    private static string Suggest(string raw)
    {
        var name = ScriptPlaceholders.ToVariableName(raw);
        return name.Length == 0 ? "order_id" : name;
    }
}
