namespace PuoAiOps.Core.Scripts;

/// <summary>Banned phrases (errors) and glossary terms written the wrong way (warnings).</summary>
internal static class PhraseChecks
{
    public static void Run(string masked, StyleRules rules, List<LintFinding> findings)
    {
        foreach (var banned in rules.BannedPhrases.Where(b => !string.IsNullOrWhiteSpace(b.Phrase)))
            foreach (var at in TextScan.FindPhrase(masked, banned.Phrase))
            {
                var fix = string.IsNullOrEmpty(banned.Replacement) ? "" : $" Try \"{banned.Replacement}\".";
                findings.Add(new(LintRules.BannedPhrase, LintSeverity.Error, $"\"{masked.Substring(at, banned.Phrase.Length)}\" {Why(banned.Kind)}.{fix}", at, at + banned.Phrase.Length));
            }
        foreach (var term in rules.Glossary.Where(g => !string.IsNullOrWhiteSpace(g.Avoid)))
            foreach (var at in TextScan.FindPhrase(masked, term.Avoid))
                findings.Add(new(LintRules.Glossary, LintSeverity.Warning, $"Write \"{term.Prefer}\" rather than \"{masked.Substring(at, term.Avoid.Length)}\".", at, at + term.Avoid.Length));
    }

    private static string Why(BannedPhraseKind kind) => kind switch
    {
        BannedPhraseKind.Blame => "blames the user",
        BannedPhraseKind.Jargon => "is internal jargon",
        _ => "promises what we cannot guarantee",
    };
}
