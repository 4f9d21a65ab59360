namespace PuoAiOps.Core.Scripts;

/// <summary>Replaces banned phrases that have a replacement, and glossary terms, keeping a leading capital.</summary>
internal static class PhraseRewriter
{
    public static string Apply(string body, StyleRules rules, List<string> changes)
    {
        var pairs = rules.BannedPhrases.Where(b => b.Replacement is not null && b.Phrase.Length > 0).Select(b => (b.Phrase, b.Replacement!))
            .Concat(rules.Glossary.Where(g => g.Avoid.Length > 0).Select(g => (Phrase: g.Avoid, g.Prefer)))
            // Longer phrases first, so "guaranteed" is not rewritten as "guarantee" + "d".
            .OrderByDescending(p => p.Item1.Length);
        foreach (var (phrase, replacement) in pairs)
        {
            var placeholders = ScriptPlaceholders.Parse(body);
            var masked = TextScan.MaskPlaceholdersAndLinks(body, placeholders, []);
            var hits = TextScan.FindPhrase(masked, phrase).Reverse().ToList();
            foreach (var at in hits)
            {
                var fit = replacement.Length > 0 && char.IsUpper(body[at]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
                body = body[..at] + fit + body[(at + phrase.Length)..];
            }
            // Removing a word can leave two spaces behind.
            if (hits.Count > 0 && replacement.Length == 0) body = body.Replace("  ", " ", StringComparison.Ordinal);
            if (hits.Count > 0) changes.Add(replacement.Length > 0 ? $"\"{phrase}\" → \"{replacement}\"" : $"\"{phrase}\" removed");
        }
        return body;
    }
}
