namespace PuoAiOps.Application.Bot;

/// <summary>
/// One user message for the bot (the body of <c>POST /api/v1/chat</c>, the playground and <c>puo ask</c>).
/// <see cref="Context"/> holds values the platform knows (user_name, order_id…) that scripts may use.
/// </summary>
public sealed record ChatRequest(
    long? ConversationId, string UserId, string Message, string? Locale = null, string? Channel = null,
    IReadOnlyDictionary<string, string>? Context = null)
{
    /// <summary>Playground and test traffic: stored, marked, and left out of every indicator.</summary>
    public bool IsTest { get; init; }
}

public sealed record ChatIntent(string? Key, double Confidence);

/// <summary>Where the answer came from: script (with its version), sop or llm (with the passages), or handoff.</summary>
public sealed record ChatSource(string Type, long? ScriptVersion = null, IReadOnlyList<long>? ChunkIds = null);

/// <summary>The bot's answer, in the API's shape.</summary>
public sealed record ChatResponse(long ConversationId, long TurnId, string Answer, ChatIntent Intent, ChatSource Source, bool Escalated);

/// <summary>An answer with its trace, for the playground and <c>puo ask --trace</c>.</summary>
public sealed record ChatResult(ChatResponse Response, BotTrace Trace);

/// <summary>The body of <c>POST /api/v1/feedback</c>.</summary>
public sealed record FeedbackRequest(long TurnId, bool Helpful, bool? Resolved = null, string? Comment = null);

public static class SourceTypes
{
    public const string Script = "script";
    public const string Sop = "sop";
    public const string Llm = "llm";
    public const string Handoff = "handoff";
}
