using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Classification;

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
        api.MapGet("/antiforgery", Antiforgery).RequireAuthorization(Policies.SignedIn);
        // Each dependency of the bot and its state, for people (the anonymous /healthz says only up or down).
        api.MapGet("/health", (PuoAiOps.Application.Bot.BotHealth health, CancellationToken ct) => health.CheckAsync(ct)).RequireAuthorization(Policies.SignedIn);
        api.MapAdminApi();
        api.MapTaxonomyApi();
        api.MapAnnotationApi();
        api.MapClassifierApi();
        api.MapScriptsApi();
        api.MapKnowledgeApi();
        api.MapBotApi();
        api.MapEscalationsApi();
        return endpoints;
    }

    public sealed record AntiforgeryResponse(string HeaderName, string Token);

    /// <summary>
    /// A request token for scripts that use the session cookie: send it as the named header on POSTs.
    /// (Other sites cannot read this response, so handing it out does not weaken the protection.)
    /// </summary>
    private static AntiforgeryResponse Antiforgery(HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new AntiforgeryResponse(tokens.HeaderName ?? Hosting.HostingDependencyInjection.AntiforgeryHeader, tokens.RequestToken!);
    }

    public sealed record MeResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

    private static MeResponse Me(HttpContext http) =>
        new(http.User.UserId() ?? "", http.User.Email(), http.User.DisplayName(), http.User.ConsoleRoles());
}
