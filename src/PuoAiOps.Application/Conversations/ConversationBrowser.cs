using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Conversations;

/// <summary>
/// Search and read bot conversations (redacted text only), with the trace of each bot turn.
/// Test and playground traffic is left out unless asked for. Dates are the workspace's calendar days.
/// </summary>
public sealed class ConversationBrowser(PuoDbContext db, WorkspaceClock clock)
{
    public async Task<ConversationPage> SearchAsync(ConversationQuery q, CancellationToken ct = default)
    {
        var zone = (await clock.CurrentAsync(ct)).Zone;
        var query = db.Conversations.AsNoTracking().AsQueryable();
        if (!q.IncludeTest) query = query.Where(c => !c.IsTest);
        if (q.From is { } from) { var start = ToUtc(from, zone); query = query.Where(c => c.StartedAt >= start); }
        if (q.To is { } to) { var end = ToUtc(to.AddDays(1), zone); query = query.Where(c => c.StartedAt < end); }
        if (!string.IsNullOrWhiteSpace(q.Intent))
        {
            var intentId = await db.Intents.Where(i => i.Key == q.Intent).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct) ?? -1;
            query = query.Where(c => c.IntentId == intentId);
        }
        if (!string.IsNullOrWhiteSpace(q.Locale)) query = query.Where(c => c.Locale == q.Locale);
        if (!string.IsNullOrWhiteSpace(q.Channel)) query = query.Where(c => c.Channel == q.Channel);
        if (ParseOutcome(q.Outcome) is { } outcome) query = query.Where(c => c.Outcome == outcome);
        if (ParseSources(q.Source) is { } sources)
            query = query.Where(c => sources.Contains(db.Turns.Where(t => t.ConversationId == c.Id && t.Role == TurnRole.Bot).OrderBy(t => t.Ordinal)
                .Select(t => t.Source).FirstOrDefault()));
        if (q.Feedback == "positive") query = query.Where(c => db.Feedback.Any(f => f.ConversationId == c.Id && (f.Kind == FeedbackKind.ThumbsUp || f.Kind == FeedbackKind.Solved)));
        else if (q.Feedback == "negative") query = query.Where(c => db.Feedback.Any(f => f.ConversationId == c.Id && (f.Kind == FeedbackKind.ThumbsDown || f.Kind == FeedbackKind.NotSolved)));
        else if (q.Feedback == "none") query = query.Where(c => !db.Feedback.Any(f => f.ConversationId == c.Id));
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var text = q.Text.Trim();
            query = query.Where(c => db.Turns.Any(t => t.ConversationId == c.Id && t.Text.Contains(text)));
        }

        var total = await query.CountAsync(ct);
        var size = Math.Clamp(q.PageSize, 1, 100);
        var page = await query.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Skip(Math.Max(0, q.Page) * size).Take(size)
            .Select(c => new
            {
                c.Id, c.StartedAt, c.IntentId, c.Locale, c.Channel, c.Outcome, c.IsTest,
                Question = db.Turns.Where(t => t.ConversationId == c.Id && t.Role == TurnRole.User).OrderBy(t => t.Ordinal).Select(t => t.Text).FirstOrDefault(),
                Source = db.Turns.Where(t => t.ConversationId == c.Id && t.Role == TurnRole.Bot).OrderBy(t => t.Ordinal).Select(t => (AnswerSource?)t.Source).FirstOrDefault(),
                Turns = db.Turns.Count(t => t.ConversationId == c.Id),
                Up = db.Feedback.Any(f => f.ConversationId == c.Id && (f.Kind == FeedbackKind.ThumbsUp || f.Kind == FeedbackKind.Solved)),
                Down = db.Feedback.Any(f => f.ConversationId == c.Id && (f.Kind == FeedbackKind.ThumbsDown || f.Kind == FeedbackKind.NotSolved)),
            }).ToListAsync(ct);
        var keys = await IntentKeysAsync(ct);
        var rows = page.Select(c => new ConversationRow(c.Id, Utc(c.StartedAt), c.IntentId is { } i ? keys.GetValueOrDefault(i) : null, c.Locale, c.Channel,
            OutcomeName(c.Outcome), c.Source is { } s ? SourceName(s) : null, c.Question ?? "", c.Turns, c.IsTest,
            c.Down ? "negative" : c.Up ? "positive" : null)).ToList();
        return new ConversationPage(rows, total);
    }

    public async Task<ConversationDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var turns = await db.Turns.AsNoTracking().Where(t => t.ConversationId == id).OrderBy(t => t.Ordinal).ToListAsync(ct);
        var traces = await db.TurnTraces.AsNoTracking().Where(t => t.ConversationId == id).ToDictionaryAsync(t => t.TurnId, t => t.Json, ct);
        var feedback = (await db.Feedback.AsNoTracking().Where(f => f.ConversationId == id).ToListAsync(ct)).ToLookup(f => f.TurnId);
        var escalations = await db.Escalations.AsNoTracking().Where(e => e.ConversationId == id).OrderBy(e => e.CreatedAt)
            .Select(e => new { e.Reason, e.ReasonCode, e.ReasonArgs }).ToListAsync(ct);
        var keys = await IntentKeysAsync(ct);
        var views = turns.Select(t => new TurnView(t.Id, t.Ordinal, t.Role.ToString().ToLowerInvariant(), t.Text, Utc(t.CreatedAt),
            t.IntentId is { } i ? keys.GetValueOrDefault(i) : null, t.Confidence, SourceName(t.Source), t.LatencyMs,
            traces.TryGetValue(t.Id, out var json) ? JsonSerializer.Deserialize<BotTrace>(json, ChatService.TraceJson) : null,
            feedback[t.Id].Select(f => f.Comment is null ? f.Kind.ToString() : $"{f.Kind}: {f.Comment}").ToList())).ToList();
        return new ConversationDetail(c.Id, Utc(c.StartedAt), c.EndedAt is { } e ? Utc(e) : null, c.IntentId is { } ci ? keys.GetValueOrDefault(ci) : null,
            c.Locale, c.Channel, OutcomeName(c.Outcome), c.IsTest, views, escalations.Select(e => e.Reason).ToList(),
            escalations.Select(e => Escalations.EscalationReasons.Read(e.ReasonCode, e.ReasonArgs)).ToList());
    }

    private Task<Dictionary<int, string>> IntentKeysAsync(CancellationToken ct) => db.Intents.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Key, ct);

    internal static ConversationOutcome? ParseOutcome(string? outcome) => outcome switch
    {
        "resolved" => ConversationOutcome.Resolved,
        "escalated" => ConversationOutcome.Escalated,
        "abandoned" => ConversationOutcome.Abandoned,
        "unresolved" => ConversationOutcome.Open,
        _ => null,
    };

    internal static AnswerSource[]? ParseSources(string? source) => source switch
    {
        "script" => [AnswerSource.Script],
        "sop" => [AnswerSource.Sop],
        "llm" => [AnswerSource.Llm],
        "handoff" => [AnswerSource.Handoff, AnswerSource.Fallback],
        _ => null,
    };

    internal static string OutcomeName(ConversationOutcome outcome) => outcome == ConversationOutcome.Open ? "unresolved" : outcome.ToString().ToLowerInvariant();

    internal static string SourceName(AnswerSource source) => source switch
    {
        AnswerSource.Script => "script",
        AnswerSource.Sop => "sop",
        AnswerSource.Llm => "llm",
        AnswerSource.None => "none",
        _ => "handoff",
    };

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime ToUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
}
