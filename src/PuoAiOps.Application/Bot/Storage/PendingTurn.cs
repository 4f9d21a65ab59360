using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Bot.Storage;

/// <summary>A conversation that does not exist yet: it is created by the batch that stores its first turn.</summary>
public sealed record NewConversation(string UserRef, string Channel, string Locale, DateTime StartedAt, bool IsTest);

/// <summary>
/// One answered message, ready to store: the user turn, the bot turn, its trace and (on handoff) an
/// escalation. Texts are already redacted. Either <see cref="ConversationId"/> (continue) or
/// <see cref="Start"/> (a new conversation) is set. Ordinals and the intent's id are resolved by the
/// writer inside its transaction, so two turns of one conversation never race for an ordinal.
/// </summary>
public sealed record PendingTurn(
    long? ConversationId, NewConversation? Start, string Question, string Answer, DateTime AskedAt, DateTime AnsweredAt,
    string? IntentKey, double Confidence, AnswerSource Source, string Decision, long? ScriptVersionId, int LatencyMs,
    long? ModelVersionId, CodedMessage? EscalationReason, string TraceJson)
{
    internal TaskCompletionSource<StoredTurn> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Where a turn was stored (committed): the conversation and the bot turn's id.</summary>
public sealed record StoredTurn(long ConversationId, long BotTurnId);
