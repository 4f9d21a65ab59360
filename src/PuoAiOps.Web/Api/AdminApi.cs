using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Web.Admin;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Api;

internal static class AdminApi
{
    public sealed record AuditEntryResponse(long Id, DateTime At, string? ActorId, string ActorName, string Action, string EntityType, string? EntityId, string? Detail);

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", async (UserAdminService users, CancellationToken ct) => await users.ListAsync(ct));
        admin.MapGet("/audit", ListAuditAsync);
        return api;
    }

    private static async Task<List<AuditEntryResponse>> ListAuditAsync(PuoDbContext db, int? take, CancellationToken ct)
    {
        var limit = Math.Clamp(take ?? 100, 1, 1000);
        return await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Id).Take(limit)
            .Select(e => new AuditEntryResponse(e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Detail))
            .ToListAsync(ct);
    }
}
