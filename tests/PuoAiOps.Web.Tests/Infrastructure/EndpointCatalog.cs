using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Tests.Infrastructure;

/// <summary>One routed endpoint as the authorization tests see it.</summary>
/// <param name="Route">Route template, e.g. <c>/admin/users/{id}/role</c>.</param>
/// <param name="Methods">HTTP methods, empty when any method matches.</param>
/// <param name="Policies">Named policies from [Authorize]/RequireAuthorization.</param>
/// <param name="Roles">Role lists from [Authorize(Roles=...)].</param>
/// <param name="AllowsAnonymous">Whether [AllowAnonymous]/AllowAnonymous() is present.</param>
/// <param name="DisplayName">Endpoint display name, for messages.</param>
/// <param name="IsComponentPage">Whether a routable Razor component renders it (rather than a minimal API handler).</param>
/// <param name="ValidatesAntiforgery">Whether the framework (form binding, component forms) or the console's filter checks the token.</param>
/// <param name="IsInteractivePage">Whether it is a component page on the interactive shell (not excluded from interactive routing).</param>
public sealed record EndpointInfo(
    string Route, IReadOnlyList<string> Methods, IReadOnlyList<string> Policies, IReadOnlyList<string> Roles,
    bool AllowsAnonymous, string DisplayName, bool IsComponentPage, bool ValidatesAntiforgery, bool IsInteractivePage = false)
{
    /// <summary>The interactive shell's circuit hub (/_blazor...), mapped by the framework.</summary>
    public bool IsBlazorHub => Route == "/_blazor" || Route.StartsWith("/_blazor/", StringComparison.Ordinal);

    /// <summary>The route with every parameter replaced by a value, so it can be requested.</summary>
    public string SampleUrl => System.Text.RegularExpressions.Regex.Replace(Route, @"\{[^}]+\}", "1");

    public bool AcceptsGet => Methods.Count == 0 || Methods.Contains("GET");

    /// <summary>Whether the endpoint accepts a state-changing method (anything but GET, HEAD, OPTIONS).</summary>
    public bool AcceptsWrite => WriteMethod is not null;

    /// <summary>The state-changing method to try against this endpoint: POST when it takes one, else the first it takes.</summary>
    public string? WriteMethod => Methods.Count == 0 ? "POST"
        : Methods.Contains("POST") ? "POST"
        : Methods.FirstOrDefault(m => m is not ("GET" or "HEAD" or "OPTIONS"));

    public AuthorizationPolicy? CombinedPolicy(IAuthorizationPolicyProvider provider) =>
        AuthorizationPolicy.CombineAsync(provider,
            [.. Policies.Select(p => new AuthorizeAttribute(p)), .. Roles.Select(r => new AuthorizeAttribute { Roles = r })]).GetAwaiter().GetResult();
}

public static class EndpointCatalog
{
    /// <summary>Every routed endpoint of the running console, Razor component pages included.</summary>
    public static IReadOnlyList<EndpointInfo> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new EndpointInfo(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [],
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Where(p => p.Length > 0).ToList(),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Roles).OfType<string>().Where(r => r.Length > 0).ToList(),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.DisplayName ?? e.RoutePattern.RawText ?? "?",
                e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null,
                e.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true } || e.Metadata.GetMetadata<AntiforgeryFilterMetadata>() is not null,
                e.Metadata.GetMetadata<ComponentTypeMetadata>() is { } page && !page.Type.IsDefined(typeof(Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute), inherit: false)))
            .ToList();
}
