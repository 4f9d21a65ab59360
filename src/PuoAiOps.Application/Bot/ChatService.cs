using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// One chat turn end to end, shared by the REST API, the playground and <c>puo ask</c>: checks the
/// request, redacts the message, continues or starts the conversation, runs the pipeline, and stores
/// the user turn, the bot turn, its trace and (on handoff) an escalation in one transaction.
/// Only redacted text is stored.
/// </summary>
public sealed class ChatService(PuoDbContext db, BotPipeline pipeline, BotRedactor redactors, IOptions<BotOptions> options, TimeProvider clock)
{
    public static readonly JsonSerializerOptions TraceJson = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public async Task<ChatResult> ChatAsync(ChatRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChatInputRules.Validate(request, options.Value);
        var started = Stopwatch.GetTimestamp();
        var redactor = await redactors.GetAsync(ct);
        var question = redactor.RedactText(request.Message.Trim());
        var userRef = redactor.RedactText(request.UserId.Trim());
        var now = clock.GetUtcNow().UtcDateTime;

        var conversation = await ContinueOrStartAsync(request, userRef, question, now, ct);
        var history = await HistoryAsync(conversation, ct);
        var context = request.Context ?? new Dictionary<string, string>();
        var decision = await pipeline.RunAsync(new BotInput(question, conversation.Locale, conversation.Channel, context, history), ct);

        var intentId = decision.Intent is { } key ? await db.Intents.Where(i => i.Key == key).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct) : null;
        var ordinal = conversation.Id == 0 ? 0 : await db.Turns.Where(t => t.ConversationId == conversation.Id).MaxAsync(t => (int?)t.Ordinal, ct) ?? 0;
        var latency = (int)Math.Ceiling(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var userTurn = new Turn { Ordinal = ordinal + 1, Role = TurnRole.User, Text = question, CreatedAt = now, IntentId = intentId, Confidence = decision.Confidence };
        var botTurn = new Turn
        {
            Ordinal = ordinal + 2, Role = TurnRole.Bot, Text = redactor.RedactText(decision.Answer), CreatedAt = clock.GetUtcNow().UtcDateTime,
            IntentId = intentId, Confidence = decision.Confidence, Source = ToSource(decision.SourceType), ScriptVersionId = decision.ScriptVersionId, LatencyMs = latency,
        };
        conversation.Turns.Add(userTurn);
        conversation.Turns.Add(botTurn);
        if (conversation.IntentId is null && intentId is not null) (conversation.IntentId, conversation.IntentConfidence) = (intentId, decision.Confidence);
        conversation.ModelVersionId ??= decision.ModelVersionId;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (decision.EscalationReason is { } reason)
        {
            db.Escalations.Add(new Escalation { ConversationId = conversation.Id, Reason = reason.Length > 200 ? reason[..200] : reason, CreatedAt = now });
            conversation.Outcome = ConversationOutcome.Escalated;
        }
        db.TurnTraces.Add(new TurnTrace
        {
            TurnId = botTurn.Id, ConversationId = conversation.Id, Decision = decision.SourceType, CreatedAt = now,
            Json = JsonSerializer.Serialize(decision.Trace, TraceJson),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var response = new ChatResponse(conversation.Id, botTurn.Id, decision.Answer, new ChatIntent(decision.Intent, Math.Round(decision.Confidence, 4)),
            new ChatSource(decision.SourceType, decision.ScriptVersionId, decision.ChunkIds.Count > 0 ? decision.ChunkIds : null), decision.EscalationReason is not null);
        return new ChatResult(response, decision.Trace);
    }

    private async Task<Conversation> ContinueOrStartAsync(ChatRequest request, string userRef, string question, DateTime now, CancellationToken ct)
    {
        if (request.ConversationId is { } id)
        {
            var existing = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id && c.UserRef == userRef, ct)
                ?? throw new NotFoundException(CodedMessage.Of(BotRefusal.NoConversationForUser, id));
            if (existing.EndedAt is not null) throw new ConflictException(CodedMessage.Of(BotRefusal.ConversationEnded, id));
            return existing;
        }
        var conversation = new Conversation
        {
            UserRef = userRef,
            Channel = request.Channel ?? BotChannels.Default,
            Locale = request.Locale ?? (question.Any(c => c is >= '\u4e00' and <= '\u9fff') ? ScriptLocales.Chinese : ScriptLocales.English),
            StartedAt = now,
            IsTest = request.IsTest,
        };
        db.Conversations.Add(conversation);
        return conversation;
    }

    private async Task<IReadOnlyList<(bool FromUser, string Text)>> HistoryAsync(Conversation conversation, CancellationToken ct)
    {
        if (conversation.Id == 0 || options.Value.HistoryTurns == 0) return [];
        var turns = await db.Turns.AsNoTracking().Where(t => t.ConversationId == conversation.Id)
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
