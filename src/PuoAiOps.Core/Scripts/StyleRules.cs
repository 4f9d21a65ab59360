using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Scripts;

/// <summary>Why a phrase is banned; the linter's message says so.</summary>
public enum BannedPhraseKind { Blame, Jargon, Promise }

/// <summary>A phrase scripts must not use, and what the standardizer writes instead (null: leave it to a person).</summary>
public sealed record BannedPhrase(string Phrase, BannedPhraseKind Kind, string? Replacement = null);

/// <summary>A term the team writes one way: <see cref="Avoid"/> is flagged with <see cref="Prefer"/> as the fix.</summary>
public sealed record GlossaryTerm(string Avoid, string Prefer);

/// <summary>
/// The style rules for one locale and channel. Lengths count characters (<see cref="MaxLength"/>)
/// and, per sentence, words for alphabetic text or characters for Chinese (<see cref="MaxSentenceLength"/>).
/// </summary>
public sealed record StyleRules
{
    public int MaxLength { get; init; } = 1200;
    public int MaxSentenceLength { get; init; } = 40;
    public bool RequireGreeting { get; init; } = true;
    /// <summary>Openings that count as a greeting (case-insensitive), looked for at the start of the body.</summary>
    public IReadOnlyList<string> Greetings { get; init; } = [];
    /// <summary>The greeting the standardizer adds when one is missing.</summary>
    public string GreetingTemplate { get; init; } = "";
    public bool RequireClosing { get; init; }
    /// <summary>Phrases that count as a closing, looked for in the last sentence or two.</summary>
    public IReadOnlyList<string> Closings { get; init; } = [];
    public string ClosingTemplate { get; init; } = "";
    public IReadOnlyList<BannedPhrase> BannedPhrases { get; init; } = [];
    public IReadOnlyList<GlossaryTerm> Glossary { get; init; } = [];
    /// <summary>Hosts links may point to (a host matches itself and its subdomains). Empty: no links allowed.</summary>
    public IReadOnlyList<string> AllowedLinkDomains { get; init; } = [];
    public bool CheckPersonalData { get; init; } = true;

    /// <summary>Problems with an edited rule set (an admin form or file), as codes; empty when it is usable.</summary>
    public IReadOnlyList<CodedMessage> Validate()
    {
        var problems = new List<CodedMessage>();
        if (MaxLength is < 20 or > 20_000) problems.Add(CodedMessage.Of(StyleRulesProblem.MaxLengthOutOfRange, 20, 20_000));
        if (MaxSentenceLength is < 5 or > 500) problems.Add(CodedMessage.Of(StyleRulesProblem.MaxSentenceLengthOutOfRange, 5, 500));
        if (RequireGreeting && Greetings.Count == 0) problems.Add(CodedMessage.Of(StyleRulesProblem.GreetingsMissing));
        if (RequireClosing && Closings.Count == 0) problems.Add(CodedMessage.Of(StyleRulesProblem.ClosingsMissing));
        if (BannedPhrases.Any(p => string.IsNullOrWhiteSpace(p.Phrase))) problems.Add(CodedMessage.Of(StyleRulesProblem.BannedPhraseEmpty));
        if (Glossary.Any(g => string.IsNullOrWhiteSpace(g.Avoid) || string.IsNullOrWhiteSpace(g.Prefer))) problems.Add(CodedMessage.Of(StyleRulesProblem.GlossaryEntryIncomplete));
        // The offending entry is named, so a long list shows which one to fix.
        if (AllowedLinkDomains.FirstOrDefault(d => string.IsNullOrWhiteSpace(d) || d.Contains('/') || d.Contains(' ')) is { } badDomain)
            problems.Add(CodedMessage.Of(StyleRulesProblem.LinkDomainNotAHost, badDomain));
        return problems;
    }
}
