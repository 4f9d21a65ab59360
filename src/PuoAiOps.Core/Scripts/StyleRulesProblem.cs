using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Scripts;

/// <summary>
/// What is wrong with an edited rule set (<see cref="StyleRules.Validate"/>), as codes: the style-rules page
/// words them from <c>ScriptsText</c> (<c>StyleRulesProblem.&lt;value&gt;</c>), the API and CLI in English.
/// </summary>
public enum StyleRulesProblem
{
    [English("Maximum length must be between {0} and {1} characters.")] MaxLengthOutOfRange,
    [English("Maximum sentence length must be between {0} and {1}.")] MaxSentenceLengthOutOfRange,
    [English("A required greeting needs at least one accepted greeting.")] GreetingsMissing,
    [English("A required closing needs at least one accepted closing.")] ClosingsMissing,
    [English("A banned phrase is empty.")] BannedPhraseEmpty,
    [English("A glossary entry lacks its term or its preferred form.")] GlossaryEntryIncomplete,
    [English("Allowed link domains are host names only (e.g. help.example.com), not '{0}'.")] LinkDomainNotAHost,
}
