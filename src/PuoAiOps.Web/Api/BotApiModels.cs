using System.Text.Json.Serialization;
using PuoAiOps.Application.Bot;

namespace PuoAiOps.Web.Api;

// Property names are spelled out so the OpenAPI document shows the same snake_case the API speaks.

/// <summary>The body of POST /api/v1/chat. <c>context</c>: values the platform knows (user_name, order_id…) for scripts.</summary>
public sealed record ChatBody(
    [property: JsonPropertyName("conversation_id")] long? ConversationId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("context")] Dictionary<string, string>? Context);

public sealed record IntentBody([property: JsonPropertyName("key")] string? Key, [property: JsonPropertyName("confidence")] double Confidence);

/// <summary>type: script | sop | llm | handoff.</summary>
public sealed record SourceBody(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("script_version")] long? ScriptVersion,
    [property: JsonPropertyName("chunk_ids")] IReadOnlyList<long>? ChunkIds);

public sealed record ChatResponseBody(
    [property: JsonPropertyName("conversation_id")] long ConversationId,
    [property: JsonPropertyName("turn_id")] long TurnId,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("intent")] IntentBody Intent,
    [property: JsonPropertyName("source")] SourceBody Source,
    [property: JsonPropertyName("escalated")] bool Escalated)
{
    public static ChatResponseBody From(ChatResponse r) =>
        new(r.ConversationId, r.TurnId, r.Answer, new IntentBody(r.Intent.Key, r.Intent.Confidence), new SourceBody(r.Source.Type, r.Source.ScriptVersion, r.Source.ChunkIds), r.Escalated);
}

public sealed record FeedbackBody(
    [property: JsonPropertyName("turn_id")] long? TurnId,
    [property: JsonPropertyName("helpful")] bool? Helpful,
    [property: JsonPropertyName("resolved")] bool? Resolved,
    [property: JsonPropertyName("comment")] string? Comment);

public sealed record FeedbackResponseBody(
    [property: JsonPropertyName("turn_id")] long TurnId,
    [property: JsonPropertyName("conversation_id")] long ConversationId,
    [property: JsonPropertyName("recorded")] IReadOnlyList<string> Recorded);

public sealed record EndResponseBody(
    [property: JsonPropertyName("conversation_id")] long ConversationId,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("ended_at")] DateTime EndedAt);
