using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Web.Components.Scripts;

/// <summary>
/// The style-rule form: lists as text, one entry a line. Banned phrases as "phrase | kind | replacement"
/// (kind: blame, jargon, promise; replacement optional), glossary as "avoid → prefer" (or "avoid => prefer").
/// </summary>
public sealed class StyleRulesModel
{
    public int MaxLength { get; set; }
    public int MaxSentenceLength { get; set; }
    public bool RequireGreeting { get; set; }
    public string Greetings { get; set; } = "";
    public string GreetingTemplate { get; set; } = "";
    public bool RequireClosing { get; set; }
    public string Closings { get; set; } = "";
    public string ClosingTemplate { get; set; } = "";
    public string BannedPhrases { get; set; } = "";
    public string Glossary { get; set; } = "";
    public string AllowedLinkDomains { get; set; } = "";
    public bool CheckPersonalData { get; set; }

    public static StyleRulesModel From(StyleRules r) => new()
    {
        MaxLength = r.MaxLength, MaxSentenceLength = r.MaxSentenceLength,
        RequireGreeting = r.RequireGreeting, Greetings = Lines(r.Greetings), GreetingTemplate = r.GreetingTemplate,
        RequireClosing = r.RequireClosing, Closings = Lines(r.Closings), ClosingTemplate = r.ClosingTemplate,
        BannedPhrases = Lines(r.BannedPhrases.Select(b => b.Replacement is null
            ? $"{b.Phrase} | {b.Kind.ToString().ToLowerInvariant()}"
            : $"{b.Phrase} | {b.Kind.ToString().ToLowerInvariant()} | {b.Replacement}")),
        Glossary = Lines(r.Glossary.Select(g => $"{g.Avoid} → {g.Prefer}")),
        AllowedLinkDomains = Lines(r.AllowedLinkDomains), CheckPersonalData = r.CheckPersonalData,
    };

    /// <summary>The rules, and the lines that could not be read (1-based line numbers per list).</summary>
    public (StyleRules Rules, IReadOnlyList<string> BadLines) ToRules()
    {
        var bad = new List<string>();
        var banned = new List<BannedPhrase>();
        foreach (var (line, n) in Split(BannedPhrases).Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || !Enum.TryParse<BannedPhraseKind>(parts[1], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                bad.Add($"banned:{n}");
            else banned.Add(new BannedPhrase(parts[0], kind, parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null));
        }
        var glossary = new List<GlossaryTerm>();
        foreach (var (line, n) in Split(Glossary).Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split(["→", "=>"], StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) bad.Add($"glossary:{n}");
            else glossary.Add(new GlossaryTerm(parts[0], parts[1]));
        }
        var rules = new StyleRules
        {
            MaxLength = MaxLength, MaxSentenceLength = MaxSentenceLength,
            RequireGreeting = RequireGreeting, Greetings = Split(Greetings), GreetingTemplate = GreetingTemplate.Trim(),
            RequireClosing = RequireClosing, Closings = Split(Closings), ClosingTemplate = ClosingTemplate.Trim(),
            BannedPhrases = banned, Glossary = glossary, AllowedLinkDomains = Split(AllowedLinkDomains), CheckPersonalData = CheckPersonalData,
        };
        return (rules, bad);
    }

    private static string Lines(IEnumerable<string> items) => string.Join("\n", items);

    private static List<string> Split(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
