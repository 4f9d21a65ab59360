using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Scripts.AgentReplies;

/// <summary>A stored agent reply as the standardize page lists it.</summary>
public sealed record AgentReplyRowView(long Id, string Text, string? Question, string Locale, string? IntentKey, string Source, DateTime ImportedAt);

public sealed record AgentReplyPage(IReadOnlyList<AgentReplyRowView> Rows, int Total);

/// <summary>Imported agent replies, newest first, filtered by words in the reply or question, locale and intent.</summary>
public sealed class AgentReplyQueries(PuoDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<AgentReplyPage> SearchAsync(string? text, string? locale, int? intentId, int skip, int take, CancellationToken ct = default)
    {
        var query = db.AgentReplies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(locale)) query = query.Where(r => r.Locale == locale);
        if (intentId is { } id) query = query.Where(r => r.IntentId == id);
        if (!string.IsNullOrWhiteSpace(text))
        {
            // Replies are thousands, not millions: a plain case-insensitive contains is enough here.
            var needle = text.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // lower() + contains translates on SQLite and PostgreSQL alike
            query = query.Where(r => r.Text.ToLower().Contains(needle) || (r.Question != null && r.Question.ToLower().Contains(needle)));
#pragma warning restore CA1862
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(r => new AgentReplyRowView(r.Id, r.Text, r.Question, r.Locale,
                db.Intents.Where(i => i.Id == r.IntentId).Select(i => i.Key).FirstOrDefault(), r.Source, r.ImportedAt))
            .ToListAsync(ct);
        return new AgentReplyPage(rows, total);
    }
}
