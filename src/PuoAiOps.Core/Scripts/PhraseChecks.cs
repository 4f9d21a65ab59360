using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Scripts;

/// <summary>Banned phrases (errors) and glossary terms written the wrong way (warnings).</summary>
internal static class PhraseChecks
{
    public static void Run(string masked, StyleRules rules, List<LintFinding> findings)
    {
        foreach (var banned in rules.BannedPhrases.Where(b => !string.IsNullOrWhiteSpace(b.Phrase)))
            foreach (var at in TextScan.FindPhrase(masked, banned.Phrase))
            {
                var found = masked.Substring(at, banned.Phrase.Length);
                var text = string.IsNullOrEmpty(banned.Replacement)
                    ? CodedMessage.Of(Why(banned.Kind, withFix: false), found)
                    : CodedMessage.Of(Why(banned.Kind, withFix: true), found, banned.Replacement);
                findings.Add(new(LintRules.BannedPhrase, LintSeverity.Error, text, at, at + banned.Phrase.Length));
            }
        foreach (var term in rules.Glossary.Where(g => !string.IsNullOrWhiteSpace(g.Avoid)))
            foreach (var at in TextScan.FindPhrase(masked, term.Avoid))
                findings.Add(new(LintRules.Glossary, LintSeverity.Warning, CodedMessage.Of(LintMessage.GlossaryTerm, term.Prefer, masked.Substring(at, term.Avoid.Length)), at, at + term.Avoid.Length));
    }

    private static LintMessage Why(BannedPhraseKind kind, bool withFix) => kind switch
    {
        BannedPhraseKind.Blame => withFix ? LintMessage.BannedBlameTry : LintMessage.BannedBlame,
        BannedPhraseKind.Jargon => withFix ? LintMessage.BannedJargonTry : LintMessage.BannedJargon,
        _ => withFix ? LintMessage.BannedPromiseTry : LintMessage.BannedPromise,
    };
}
