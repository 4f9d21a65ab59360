using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Bot.Storage;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// One chat turn end to end, shared by the REST API, the playground and <c>puo ask</c>: checks the
/// request, redacts the message, continues or starts the conversation, runs the pipeline, and stores
/// the user turn, the bot turn, its trace and (on handoff) an escalation through <see cref="TurnWriter"/>
/// (one transaction shared with the other turns waiting at that moment; answered once committed).
/// Only redacted text is stored.
/// </summary>
public sealed class ChatService(PuoDbContext db, BotPipeline pipeline, BotRedactor redactors, TurnWriter writer, IOptions<BotOptions> options, TimeProvider clock)
{
    /// <summary>The trace's JSON options (source-generated metadata for <see cref="BotTrace"/>; other types are not known to them).</summary>
    public static JsonSerializerOptions TraceJson => BotTraceJson.Default.Options;

    public Task<ChatResult> ChatAsync(ChatRequest request, CancellationToken ct = default) => ChatAsync(request, null, ct);

    /// <param name="drafts">Receives an LLM answer's redacted text while it is written, before validation (staff only: the playground).</param>
    public async Task<ChatResult> ChatAsync(ChatRequest request, Action<string>? drafts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChatInputRules.Validate(request, options.Value);
        var started = Stopwatch.GetTimestamp();
        var redactor = await redactors.GetAsync(ct);
        var question = redactor.RedactText(request.Message.Trim());
        var userRef = redactor.RedactText(request.UserId.Trim());
        var now = clock.GetUtcNow().UtcDateTime;

        var conversation = await ContinueOrStartAsync(request, userRef, question, ct);
        var history = await HistoryAsync(conversation.Id, ct);
        var context = request.Context ?? new Dictionary<string, string>();
        var decision = await pipeline.RunAsync(new BotInput(question, conversation.Locale, conversation.Channel, context, history) { Drafts = drafts }, ct);

        var latency = (int)Math.Ceiling(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var stored = await writer.WriteAsync(new PendingTurn(
            conversation.Id, conversation.Id is null ? new NewConversation(userRef, conversation.Channel, conversation.Locale, now, request.IsTest) : null,
            question, redactor.RedactText(decision.Answer), now, clock.GetUtcNow().UtcDateTime, decision.Intent, decision.Confidence,
            ToSource(decision.SourceType), decision.SourceType, decision.ScriptVersionId, latency, decision.ModelVersionId, decision.EscalationReason,
            JsonSerializer.Serialize(decision.Trace, BotTraceJson.Default.BotTrace)), ct);

        var response = new ChatResponse(stored.ConversationId, stored.BotTurnId, decision.Answer, new ChatIntent(decision.Intent, Math.Round(decision.Confidence, 4)),
            new ChatSource(decision.SourceType, decision.ScriptVersionId, decision.ChunkIds.Count > 0 ? decision.ChunkIds : null), decision.EscalationReason is not null);
        return new ChatResult(response, decision.Trace);
    }

    /// <summary>The conversation the message belongs to: an existing one (its id) or a new one to be created when the turn is stored.</summary>
    private sealed record Target(long? Id, string Locale, string Channel);

    private async Task<Target> ContinueOrStartAsync(ChatRequest request, string userRef, string question, CancellationToken ct)
    {
        if (request.ConversationId is { } id)
        {
            var existing = await db.Conversations.AsNoTracking().Where(c => c.Id == id && c.UserRef == userRef).Select(c => new { c.Id, c.Locale, c.Channel, c.EndedAt }).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException(CodedMessage.Of(BotRefusal.NoConversationForUser, id));
            if (existing.EndedAt is not null) throw new ConflictException(CodedMessage.Of(BotRefusal.ConversationEnded, id));
            return new Target(existing.Id, existing.Locale, existing.Channel);
        }
        return new Target(null,
            request.Locale ?? (question.Any(c => c is >= '\u4e00' and <= '\u9fff') ? ScriptLocales.Chinese : ScriptLocales.English),
            request.Channel ?? BotChannels.Default);
    }

    private async Task<IReadOnlyList<(bool FromUser, string Text)>> HistoryAsync(long? conversationId, CancellationToken ct)
    {
        if (conversationId is not { } id || options.Value.HistoryTurns == 0) return [];
        var turns = await db.Turns.AsNoTracking().Where(t => t.ConversationId == id)
            .OrderByDescending(t => t.Ordinal).Take(options.Value.HistoryTurns).Select(t => new { t.Role, t.Text }).ToListAsync(ct);
        turns.Reverse();
        return turns.Select(t => (t.Role == TurnRole.User, t.Text)).ToList();
    }

    internal static AnswerSource ToSource(string type) => type switch
    {
        SourceTypes.Script => AnswerSource.Script,
        SourceTypes.Sop => AnswerSource.Sop,
        SourceTypes.Llm => AnswerSource.Llm,
        _ => AnswerSource.Handoff,
    };
}
