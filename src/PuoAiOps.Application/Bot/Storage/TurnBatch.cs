using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Bot.Storage;

/// <summary>
/// Stores many answered messages in one transaction (group commit): one query for the intents' ids,
/// one for the continued conversations and their last ordinals, one SaveChanges for conversations and
/// turns (ids come back from the insert), one for traces and escalations (they need those ids), one commit.
/// All or nothing: a failure rolls back the whole batch, so no conversation is ever half stored.
/// </summary>
internal static class TurnBatch
{
    /// <summary>The stored turns in the order of <paramref name="batch"/>; a null entry is a conversation that no longer exists.</summary>
    public static async Task<StoredTurn?[]> WriteAsync(PuoDbContext db, IReadOnlyList<PendingTurn> batch, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var keys = batch.Where(p => p.IntentKey is not null).Select(p => p.IntentKey!).Distinct().ToList();
        var intents = keys.Count == 0 ? [] : await db.Intents.Where(i => keys.Contains(i.Key)).ToDictionaryAsync(i => i.Key, i => i.Id, ct);
        var ids = batch.Where(p => p.ConversationId is not null).Select(p => p.ConversationId!.Value).Distinct().ToList();
        var existing = ids.Count == 0 ? [] : await db.Conversations.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var lastOrdinal = ids.Count == 0 ? [] : await db.Turns.Where(t => ids.Contains(t.ConversationId))
            .GroupBy(t => t.ConversationId).Select(g => new { g.Key, Max = g.Max(t => t.Ordinal) }).ToDictionaryAsync(x => x.Key, x => x.Max, ct);

        var placed = new (Conversation Conversation, Turn Bot)?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            Conversation? conversation;
            if (p.ConversationId is { } id) existing.TryGetValue(id, out conversation);
            else
            {
                conversation = new Conversation { UserRef = p.Start!.UserRef, Channel = p.Start.Channel, Locale = p.Start.Locale, StartedAt = p.Start.StartedAt, IsTest = p.Start.IsTest };
                db.Conversations.Add(conversation);
            }
            if (conversation is null) continue;
            int? intentId = p.IntentKey is { } key && intents.TryGetValue(key, out var found) ? found : null;
            // Turns of one conversation in the same batch follow each other; the dictionary keeps the count.
            var ordinal = conversation.Id == 0 ? conversation.Turns.Count : lastOrdinal.GetValueOrDefault(conversation.Id);
            var bot = new Turn
            {
                Ordinal = ordinal + 2, Role = TurnRole.Bot, Text = p.Answer, CreatedAt = p.AnsweredAt, IntentId = intentId, Confidence = p.Confidence,
                Source = p.Source, ScriptVersionId = p.ScriptVersionId, LatencyMs = p.LatencyMs,
            };
            conversation.Turns.Add(new Turn { Ordinal = ordinal + 1, Role = TurnRole.User, Text = p.Question, CreatedAt = p.AskedAt, IntentId = intentId, Confidence = p.Confidence });
            conversation.Turns.Add(bot);
            if (conversation.Id != 0) lastOrdinal[conversation.Id] = ordinal + 2;
            if (conversation.IntentId is null && intentId is not null) (conversation.IntentId, conversation.IntentConfidence) = (intentId, p.Confidence);
            conversation.ModelVersionId ??= p.ModelVersionId;
            if (p.EscalationReason is not null) conversation.Outcome = ConversationOutcome.Escalated;
            placed[i] = (conversation, bot);
        }
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < batch.Count; i++)
        {
            if (placed[i] is not { } slot) continue;
            var ((conversation, bot), p) = (slot, batch[i]);
            if (p.EscalationReason is { } reason)
                db.Escalations.Add(new Escalation { ConversationId = conversation.Id, CreatedAt = p.AskedAt }.WithReason(reason));
            db.TurnTraces.Add(new TurnTrace { TurnId = bot.Id, ConversationId = conversation.Id, Decision = p.Decision, CreatedAt = p.AskedAt, Json = p.TraceJson });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return placed.Select(x => x is { } s ? new StoredTurn(s.Conversation.Id, s.Bot.Id) : null).ToArray();
    }
}
