using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Escalations;

/// <summary>
/// Reads the hand-over queue: a filtered, sorted page, the counts per status under the same filters,
/// one case, the reasons in use and the people a case can be assigned to. Dates are the workspace's days.
/// </summary>
public sealed class EscalationQueue(PuoDbContext db, WorkspaceClock clock)
{
    public async Task<EscalationPage> SearchAsync(EscalationFilter filter, string? currentUserId, CancellationToken ct = default)
    {
        var query = await FilteredAsync(filter, currentUserId, ct);
        if (EscalationLimits.ParseStatus(filter.Status) is { } status) query = query.Where(e => e.Status == status);
        var total = await query.CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, EscalationLimits.MaxPageSize);
        var ids = await Sorted(query, filter.Sort).Skip(Math.Max(0, filter.Page) * size).Take(size).Select(e => e.Id).ToListAsync(ct);
        return new EscalationPage(await RowsAsync(ids, ct), total);
    }

    /// <summary>Cases per status under every filter but the status itself.</summary>
    public async Task<EscalationCounts> CountsAsync(EscalationFilter filter, string? currentUserId, CancellationToken ct = default)
    {
        var query = await FilteredAsync(filter with { Status = null }, currentUserId, ct);
        var counts = await query.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(EscalationStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new EscalationCounts(Of(EscalationStatus.Open), Of(EscalationStatus.Assigned), Of(EscalationStatus.Closed));
    }

    public async Task<EscalationDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var e = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var row = (await RowsAsync([id], ct))[0];
        var closedBy = e.ClosedById is null ? null : await db.Users.Where(u => u.Id == e.ClosedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new EscalationDetail(row, e.ClosedById, closedBy, e.ResolutionNote);
    }

    /// <summary>
    /// The reasons the bot has given, most frequent first (the reason filter's choices), each with its code when stored
    /// with one; a reason that differs only by a measurement (its confidence) is one choice (<see cref="EscalationReasons.Group"/>).
    /// </summary>
    public async Task<IReadOnlyList<EscalationReasonChoice>> ReasonsAsync(CancellationToken ct = default)
    {
        // One English reason comes from one code and its arguments, so any row's code words it (old rows have none).
        var reasons = await db.Escalations.AsNoTracking().GroupBy(e => new { e.Reason, e.ReasonCode })
            .Select(g => new { g.Key.Reason, g.Key.ReasonCode, Args = g.Max(e => e.ReasonArgs), Count = g.Count() }).ToListAsync(ct);
        return reasons.Select(r => (Choice: EscalationReasons.Group(r.Reason, EscalationReasons.Read(r.ReasonCode, r.Args)), r.Count))
            .GroupBy(r => r.Choice.Reason, StringComparer.Ordinal)
            .Select(g => (g.First().Choice, Count: g.Sum(r => r.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Choice.Reason, StringComparer.Ordinal)
            .Take(50).Select(g => g.Choice).ToList();
    }

    /// <summary>Enabled users with a role that handles escalations, by name.</summary>
    public async Task<IReadOnlyList<EscalationHandler>> HandlersAsync(CancellationToken ct = default) =>
        await (from u in db.Users
               where !u.IsDisabled && (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                       where ur.UserId == u.Id && EscalationLimits.HandlerRoles.Contains(r.Name!) select ur).Any()
               orderby u.DisplayName
               select new EscalationHandler(u.Id, u.DisplayName == "" ? u.UserName ?? u.Id : u.DisplayName)).ToListAsync(ct);

    private async Task<IQueryable<Escalation>> FilteredAsync(EscalationFilter f, string? currentUserId, CancellationToken ct)
    {
        Check("status", f.Status, EscalationLimits.Statuses);
        Check("sort", f.Sort, EscalationLimits.Sorts);
        if (f.From is { } a && f.To is { } b && b < a) throw new ValidationException("to", CodedMessage.Of(EscalationRefusal.DatesReversed));
        var zone = (await clock.CurrentAsync(ct)).Zone;
        var query = db.Escalations.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(f.Reason))
            query = EscalationReasons.IsGroupedCode(f.Reason) ? query.Where(e => e.ReasonCode == f.Reason) : query.Where(e => e.Reason == f.Reason);
        if (f.From is { } from) { var start = ToUtc(from, zone); query = query.Where(e => e.CreatedAt >= start); }
        if (f.To is { } to) { var end = ToUtc(to.AddDays(1), zone); query = query.Where(e => e.CreatedAt < end); }
        switch (f.Assignee?.Trim())
        {
            case null or "": break;
            case EscalationLimits.Unassigned: query = query.Where(e => e.AssigneeId == null); break;
            case EscalationLimits.Mine: query = query.Where(e => e.AssigneeId == (currentUserId ?? "")); break;
            case var id: query = query.Where(e => e.AssigneeId == id); break;
        }
        if (!string.IsNullOrWhiteSpace(f.Intent))
        {
            var intentId = await db.Intents.Where(i => i.Key == f.Intent).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct) ?? -1;
            query = query.Where(e => db.Conversations.Any(c => c.Id == e.ConversationId && c.IntentId == intentId));
        }
        if (!string.IsNullOrWhiteSpace(f.Locale)) query = query.Where(e => db.Conversations.Any(c => c.Id == e.ConversationId && c.Locale == f.Locale));
        if (!string.IsNullOrWhiteSpace(f.Channel)) query = query.Where(e => db.Conversations.Any(c => c.Id == e.ConversationId && c.Channel == f.Channel));
        return query;
    }

    private static IQueryable<Escalation> Sorted(IQueryable<Escalation> query, string? sort) => sort switch
    {
        "-created" => query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id),
        "status" => query.OrderBy(e => e.Status).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id),
        "reason" => query.OrderBy(e => e.Reason).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id),
        // A queue: the case waiting longest comes first.
        _ => query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id),
    };

    /// <summary>The rows of the given cases, in the given order, with their conversation's facts and the assignee's name.</summary>
    private async Task<List<EscalationRow>> RowsAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await (from e in db.Escalations.AsNoTracking()
                          where ids.Contains(e.Id)
                          join c in db.Conversations on e.ConversationId equals c.Id
                          select new
                          {
                              e.Id, e.ConversationId, e.Reason, e.ReasonCode, e.ReasonArgs, e.Status, e.AssigneeId, e.CreatedAt, e.AssignedAt, e.ClosedAt, e.Outcome, e.Version,
                              c.IntentId, c.Locale, c.Channel,
                              Assignee = db.Users.Where(u => u.Id == e.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                              Question = db.Turns.Where(t => t.ConversationId == c.Id && t.Role == TurnRole.User).OrderBy(t => t.Ordinal).Select(t => t.Text).FirstOrDefault(),
                          }).ToListAsync(ct);
        var intentIds = rows.Where(r => r.IntentId is not null).Select(r => r.IntentId!.Value).Distinct().ToList();
        var keys = await db.Intents.AsNoTracking().Where(i => intentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Key, ct);
        var byId = rows.ToDictionary(r => r.Id, r => new EscalationRow(r.Id, r.ConversationId, r.Reason, EscalationLimits.Name(r.Status),
            r.AssigneeId, r.AssigneeId is null ? null : r.Assignee ?? r.AssigneeId, Utc(r.CreatedAt), Utc(r.AssignedAt), Utc(r.ClosedAt),
            r.Outcome is { } o ? EscalationLimits.Name(o) : null, r.IntentId is { } i ? keys.GetValueOrDefault(i) : null, r.Locale, r.Channel,
            r.Question ?? "", r.Version, EscalationReasons.Read(r.ReasonCode, r.ReasonArgs)));
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    internal static void Check(string field, string? value, string[] allowed)
    {
        if (value is null || allowed.Contains(value)) return;
        throw new ValidationException(field, CodedMessage.Of(EscalationRefusal.UnknownValue, field, value, string.Join(", ", allowed)));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    private static DateTime ToUtc(DateOnly day, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
}
