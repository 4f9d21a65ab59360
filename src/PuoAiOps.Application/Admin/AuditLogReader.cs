using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Admin;

/// <summary>An audit log entry as the admin page and <c>GET /api/v1/admin/audit</c> show it.</summary>
public sealed record AuditEntryView(long Id, DateTime At, string? ActorId, string ActorName, string Action, string EntityType, string? EntityId, string? Detail);

/// <summary>The newest audit entries, and the display names of users they name as their subject.</summary>
public sealed class AuditLogReader(PuoDbContext db)
{
    public async Task<IReadOnlyList<AuditEntryView>> LatestAsync(int take, CancellationToken ct = default) =>
        await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).Take(take)
            .Select(e => new AuditEntryView(e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Detail))
            .ToListAsync(ct);

    /// <summary>Display name by user id, so a subject reads as a person rather than an id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> UserNamesAsync(CancellationToken ct = default) =>
        await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
}
