using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Bot;

public sealed record FeedbackReceipt(long TurnId, long ConversationId, IReadOnlyList<string> Recorded);

public sealed record ConversationEnded(long ConversationId, string Outcome, DateTime EndedAt);

/// <summary>
/// What service channels report after an answer: feedback on a bot turn, and the end of a
/// conversation (its outcome then follows from what happened: escalated stays escalated, confirmed
/// resolution stays resolved, otherwise resolved is assumed when the last answer was not a handoff).
/// </summary>
public sealed class ConversationCommands(PuoDbContext db, BotRedactor redactors, TimeProvider clock)
{
    public async Task<FeedbackReceipt> FeedbackAsync(FeedbackRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChatInputRules.Validate(request);
        var turn = await db.Turns.FirstOrDefaultAsync(t => t.Id == request.TurnId && t.Role == TurnRole.Bot, ct)
            ?? throw new NotFoundException(CodedMessage.Of(BotRefusal.NoBotTurn, request.TurnId));
        var conversation = await db.Conversations.SingleAsync(c => c.Id == turn.ConversationId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : (await redactors.GetAsync(ct)).RedactText(request.Comment.Trim());
        var recorded = new List<string>();
        db.Feedback.Add(new Feedback
        {
            ConversationId = conversation.Id, TurnId = turn.Id, Kind = request.Helpful ? FeedbackKind.ThumbsUp : FeedbackKind.ThumbsDown,
            Comment = comment, CreatedAt = now,
        });
        recorded.Add(request.Helpful ? "helpful" : "not_helpful");
        if (request.Resolved is { } resolved)
        {
            db.Feedback.Add(new Feedback { ConversationId = conversation.Id, TurnId = turn.Id, Kind = resolved ? FeedbackKind.Solved : FeedbackKind.NotSolved, CreatedAt = now });
            recorded.Add(resolved ? "resolved" : "not_resolved");
            if (resolved && conversation.Outcome is ConversationOutcome.Open or ConversationOutcome.Resolved)
                (conversation.Outcome, conversation.Resolution) = (ConversationOutcome.Resolved, ResolutionTier.Confirmed);
        }
        await db.SaveChangesAsync(ct);
        return new FeedbackReceipt(turn.Id, conversation.Id, recorded);
    }

    public async Task<ConversationEnded> EndAsync(long conversationId, CancellationToken ct = default)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(BotRefusal.NoConversation, conversationId));
        if (conversation.EndedAt is null)
        {
            conversation.EndedAt = clock.GetUtcNow().UtcDateTime;
            if (conversation.Outcome == ConversationOutcome.Open)
            {
                var last = await db.Turns.Where(t => t.ConversationId == conversationId && t.Role == TurnRole.Bot)
                    .OrderByDescending(t => t.Ordinal).Select(t => (AnswerSource?)t.Source).FirstOrDefaultAsync(ct);
                (conversation.Outcome, conversation.Resolution) = last is null or AnswerSource.Handoff or AnswerSource.Fallback
                    ? (ConversationOutcome.Abandoned, ResolutionTier.None)
                    : (ConversationOutcome.Resolved, ResolutionTier.Assumed);
            }
            await db.SaveChangesAsync(ct);
        }
        return new ConversationEnded(conversation.Id, conversation.Outcome.ToString().ToLowerInvariant(), DateTime.SpecifyKind(conversation.EndedAt.Value, DateTimeKind.Utc));
    }
}
