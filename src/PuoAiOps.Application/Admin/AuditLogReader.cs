using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Admin;

/// <summary>An audit log entry as the admin page and <c>GET /api/v1/admin/audit</c> show it.</summary>
/// <param name="Detail">The detail in English (the API's and the CLI's).</param>
/// <param name="DetailCode">The detail as a code, for the console to word; null for entries written before details had codes.</param>
public sealed record AuditEntryView(long Id, DateTime At, string? ActorId, string ActorName, string Action, string EntityType, string? EntityId, string? Detail,
    CodedMessage? DetailCode = null);

/// <summary>A page of the audit log: search in action, actor, subject and detail; newest first unless asked otherwise.</summary>
/// <param name="DetailCodes">
/// The detail codes (<c>&lt;enum&gt;.&lt;value&gt;</c>) whose wording in the reader's language contains
/// <paramref name="Search"/>: an entry whose detail is one of them, or names one in its arguments, matches too.
/// The console resolves them from its resources (the stored detail is English); the API and CLI pass none.
/// </param>
public sealed record AuditQuery(string? Search = null, bool OldestFirst = false, int Page = 1, int PageSize = 50,
    IReadOnlyCollection<string>? DetailCodes = null);

/// <summary>The entries of one page, the number matching, and the display names of the users they name as their subject.</summary>
public sealed record AuditLogPage(IReadOnlyList<AuditEntryView> Rows, int Total, IReadOnlyDictionary<string, string> SubjectNames);

/// <summary>The audit log, newest first: for the API (latest entries) and the console (paged, searched).</summary>
public sealed class AuditLogReader(PuoDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<AuditEntryView>> LatestAsync(int take, CancellationToken ct = default) =>
        View(await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).Take(take).ToListAsync(ct));

    /// <summary>One page, filtered and counted by the database (the log only grows).</summary>
    public async Task<AuditLogPage> PageAsync(AuditQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var entries = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search)) entries = entries.Where(AuditSearch.Matching(query.Search, query.DetailCodes));
        var total = await entries.CountAsync(ct);
        var ordered = query.OldestFirst ? entries.OrderBy(e => e.Id) : entries.OrderByDescending(e => e.Id);
        var rows = View(await ordered.Skip((Math.Max(1, query.Page) - 1) * pageSize).Take(pageSize).ToListAsync(ct));
        var subjects = rows.Select(r => r.EntityId).OfType<string>().Distinct().ToList();
        var names = subjects.Count == 0 ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => subjects.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new AuditLogPage(rows, total, names);
    }

    private static List<AuditEntryView> View(List<AuditEntry> entries) =>
        [.. entries.Select(e => new AuditEntryView(e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Detail,
            AuditDetails.Read(e.DetailCode, e.DetailArgs)))];
}
