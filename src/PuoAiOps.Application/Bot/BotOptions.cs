namespace PuoAiOps.Application.Bot;

/// <summary>
/// Configuration section "Bot": the thresholds of the answer pipeline and the limits of the bot API.
/// Every threshold is a setting so a team can trade coverage for precision without a release.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>A script is served only when the classifier's confidence reaches this.</summary>
    public double ScriptThreshold { get; set; } = 0.55;

    /// <summary>Below this confidence (or out of scope) the question is not tied to an intent at all.</summary>
    public double IntentThreshold { get; set; } = 0.25;

    /// <summary>The best retrieved passage must score at least this (hybrid score) to be used.</summary>
    public double RetrievalMinScore { get; set; } = 0.01;

    /// <summary>The best passage must share at least this share of the question's terms to answer without an LLM.</summary>
    public double ExtractiveMinOverlap { get; set; } = 0.34;

    /// <summary>Passages retrieved for an answer.</summary>
    public int RetrievalTop { get; set; } = 4;

    /// <summary>Earlier turns of the conversation used as context for a follow-up question.</summary>
    public int HistoryTurns { get; set; } = 4;

    /// <summary>Longest user message accepted, in characters.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Most context entries per request, and the longest key and value.</summary>
    public int MaxContextEntries { get; set; } = 20;

    public int MaxContextValueLength { get; set; } = 200;

    /// <summary>Longest extractive answer, in characters.</summary>
    public int MaxExtractiveLength { get; set; } = 600;

    /// <summary>Time for the whole LLM step (every retry included); after it the pipeline falls back.</summary>
    public double LlmBudgetSeconds { get; set; } = 8;

    /// <summary>Domains an LLM answer may link to (subdomains included); any other link rejects the answer.</summary>
    public List<string> AllowedLinkDomains { get; set; } = ["help.example.com", "example.com"];

    /// <summary>Requests per minute for an API key without its own limit.</summary>
    public int RequestsPerMinute { get; set; } = 6000;

    public IEnumerable<string> Validate()
    {
        if (ScriptThreshold is < 0 or > 1) yield return $"{SectionName}:ScriptThreshold must be between 0 and 1.";
        if (IntentThreshold is < 0 or > 1) yield return $"{SectionName}:IntentThreshold must be between 0 and 1.";
        if (ExtractiveMinOverlap is < 0 or > 1) yield return $"{SectionName}:ExtractiveMinOverlap must be between 0 and 1.";
        if (RetrievalMinScore < 0) yield return $"{SectionName}:RetrievalMinScore cannot be negative.";
        if (RetrievalTop is < 1 or > 20) yield return $"{SectionName}:RetrievalTop must be between 1 and 20.";
        if (HistoryTurns is < 0 or > 20) yield return $"{SectionName}:HistoryTurns must be between 0 and 20.";
        if (MaxMessageLength is < 10 or > 20_000) yield return $"{SectionName}:MaxMessageLength must be between 10 and 20000.";
        if (MaxContextEntries is < 0 or > 100) yield return $"{SectionName}:MaxContextEntries must be between 0 and 100.";
        if (MaxContextValueLength is < 1 or > 2000) yield return $"{SectionName}:MaxContextValueLength must be between 1 and 2000.";
        if (MaxExtractiveLength is < 50 or > 5000) yield return $"{SectionName}:MaxExtractiveLength must be between 50 and 5000.";
        if (LlmBudgetSeconds is < 0.1 or > 120) yield return $"{SectionName}:LlmBudgetSeconds must be between 0.1 and 120.";
        if (RequestsPerMinute is < 1 or > 1_000_000) yield return $"{SectionName}:RequestsPerMinute must be between 1 and 1000000.";
    }
}
