using PuoAiOps.Web.Admin;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Classifier;

namespace PuoAiOps.Web.Api;

/// <summary>
/// The REST API under /api/v1. Each feature adds a <c>Map...</c> method on the group here and
/// declares its policy per endpoint; unauthenticated calls get 401 and forbidden ones 403 (never a redirect).
/// </summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapGet("/me", Me).RequireAuthorization(Policies.SignedIn);
        api.MapAdminApi();
        api.MapClassifierApi();
        return endpoints;
    }

    public sealed record MeResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

    private static MeResponse Me(HttpContext http) =>
        new(http.User.UserId() ?? "", http.User.Email(), http.User.DisplayName(), http.User.ConsoleRoles());
}
