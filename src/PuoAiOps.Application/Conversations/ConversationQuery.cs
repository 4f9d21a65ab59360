namespace PuoAiOps.Application.Conversations;

/// <summary>
/// Filters of the conversations page, as the dashboards' drill-down links write them:
/// from/to (workspace dates, inclusive), intent key, locale, channel, source of the first answer
/// (script | sop | llm | handoff), outcome (resolved | escalated | abandoned | unresolved = still open),
/// feedback (positive | negative | none), and text in the redacted turns.
/// </summary>
public sealed record ConversationQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Intent { get; init; }
    public string? Locale { get; init; }
    public string? Channel { get; init; }
    public string? Source { get; init; }
    public string? Outcome { get; init; }
    public string? Feedback { get; init; }
    public string? Text { get; init; }
    public bool IncludeTest { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;

    public static readonly string[] Sources = ["script", "sop", "llm", "handoff"];
    public static readonly string[] Outcomes = ["resolved", "escalated", "abandoned", "unresolved"];
    public static readonly string[] FeedbackKinds = ["positive", "negative", "none"];
}

public sealed record ConversationRow(long Id, DateTime StartedAt, string? Intent, string Locale, string Channel, string Outcome, string? Source,
    string FirstQuestion, int Turns, bool IsTest, string? Feedback);

public sealed record ConversationPage(IReadOnlyList<ConversationRow> Rows, int Total);

public sealed record TurnView(long Id, int Ordinal, string Role, string Text, DateTime CreatedAt, string? Intent, double? Confidence, string Source,
    int? LatencyMs, Bot.BotTrace? Trace, IReadOnlyList<string> Feedback);

/// <param name="Escalations">The hand-overs' reasons in English (the API's and the CLI's).</param>
/// <param name="EscalationCodes">The same reasons as codes, for the console to word (null for one stored before reasons had codes).</param>
public sealed record ConversationDetail(long Id, DateTime StartedAt, DateTime? EndedAt, string? Intent, string Locale, string Channel, string Outcome,
    bool IsTest, IReadOnlyList<TurnView> Turns, IReadOnlyList<string> Escalations,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<Core.Messages.CodedMessage?>? EscalationCodes = null);
