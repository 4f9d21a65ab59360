using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// What surrounds a question, shown beside it on the labeling page: the (pseudonymous) user, the
/// conversation turns around it when the question was asked to the bot, and the same user's
/// questions just before and after it. Only redacted texts; never labels, predictions or gold status.
/// </summary>
public sealed class QuestionContextService(PuoDbContext db)
{
    public const int NeighbourQuestions = 2;
    public const int TurnsEachSide = 3;
    public const int MaxTextLength = 300;

    /// <summary>How far from the question's time a conversation may start and still be the one it was asked in.</summary>
    private static readonly TimeSpan ConversationWindow = TimeSpan.FromHours(12);

    public async Task<QuestionContext> ForQuestionAsync(long questionId, CancellationToken ct)
    {
        var question = await db.Questions.AsNoTracking().Where(q => q.Id == questionId)
            .Select(q => new { q.UserRef, q.CreatedAt, q.Text }).FirstOrDefaultAsync(ct);
        if (question?.UserRef is not { Length: > 0 } userRef) return QuestionContext.None;

        var at = question.CreatedAt;
        var sameUser = db.Questions.AsNoTracking().Where(q => q.UserRef == userRef && q.Id != questionId);
        var earlier = await sameUser.Where(q => q.CreatedAt <= at).OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id)
            .Take(NeighbourQuestions).Select(q => new { q.Text, q.CreatedAt, q.Channel }).ToListAsync(ct);
        var later = await sameUser.Where(q => q.CreatedAt > at).OrderBy(q => q.CreatedAt).ThenBy(q => q.Id)
            .Take(NeighbourQuestions).Select(q => new { q.Text, q.CreatedAt, q.Channel }).ToListAsync(ct);
        var userQuestions = await sameUser.CountAsync(ct) + 1;

        return new QuestionContext(
            userRef,
            userQuestions,
            earlier.AsEnumerable().Reverse().Select(q => new ContextQuestion(Shorten(q.Text), Utc(q.CreatedAt), q.Channel)).ToList(),
            later.Select(q => new ContextQuestion(Shorten(q.Text), Utc(q.CreatedAt), q.Channel)).ToList(),
            await TurnsAsync(userRef, question.Text, at, ct));
    }

    /// <summary>The turns around the user turn that carries the question's text, in the user's conversation nearest in time.</summary>
    private async Task<IReadOnlyList<ContextTurn>> TurnsAsync(string userRef, string text, DateTime at, CancellationToken ct)
    {
        var earliest = at - ConversationWindow;
        var latest = at + ConversationWindow;
        var candidates = await (
                from c in db.Conversations.AsNoTracking()
                where c.UserRef == userRef && c.StartedAt >= earliest && c.StartedAt <= latest
                join t in db.Turns.AsNoTracking() on c.Id equals t.ConversationId
                where t.Role == TurnRole.User && t.Text == text
                select new { t.ConversationId, t.Ordinal, t.CreatedAt })
            .Take(20).ToListAsync(ct);
        var match = candidates.OrderBy(c => Math.Abs((c.CreatedAt - at).Ticks)).FirstOrDefault();
        if (match is null) return [];

        var turns = await db.Turns.AsNoTracking()
            .Where(t => t.ConversationId == match.ConversationId
                        && t.Ordinal >= match.Ordinal - TurnsEachSide && t.Ordinal <= match.Ordinal + TurnsEachSide)
            .OrderBy(t => t.Ordinal)
            .Select(t => new { t.Role, t.Text, t.CreatedAt, t.Ordinal })
            .ToListAsync(ct);
        return turns.Select(t => new ContextTurn(t.Role, Shorten(t.Text), Utc(t.CreatedAt), t.Ordinal == match.Ordinal)).ToList();
    }

    private static string Shorten(string text) => text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

/// <summary>The context of one question; <see cref="None"/> when the question has no user reference.</summary>
public sealed record QuestionContext(string? UserRef, int UserQuestions, IReadOnlyList<ContextQuestion> Earlier,
    IReadOnlyList<ContextQuestion> Later, IReadOnlyList<ContextTurn> Turns)
{
    public static QuestionContext None { get; } = new(null, 0, [], [], []);

    public bool IsEmpty => UserRef is null && Turns.Count == 0;
}

/// <summary>Another question of the same user.</summary>
public sealed record ContextQuestion(string Text, DateTime AskedAt, string? Channel);

/// <summary>A turn of the conversation the question was asked in; <see cref="IsQuestion"/> marks the question itself.</summary>
public sealed record ContextTurn(TurnRole Role, string Text, DateTime At, bool IsQuestion);
