using PuoAiOps.Application.Admin;
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

    private static async Task<List<AuditEntryResponse>> ListAuditAsync(AuditLogReader audit, int? take, CancellationToken ct)
    {
        var entries = await audit.LatestAsync(Math.Clamp(take ?? 100, 1, 1000), ct);
        return entries.Select(e => new AuditEntryResponse(e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Detail)).ToList();
    }
}
