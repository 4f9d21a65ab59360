using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Routing;

namespace PuoAiOps.Web.Shell;

/// <summary>
/// Which requests get the reader's language. Only interactive pages and their circuit hub: pages not
/// yet moved to the interactive shell are written in English, and would otherwise mix English text
/// with dates formatted for another culture. Each page joins when it is migrated.
/// </summary>
public static class LocalizedRequests
{
    public const string HubPath = "/_blazor";

    public static bool IsLocalized(HttpContext context) =>
        context.Request.Path.StartsWithSegments(HubPath) || IsInteractivePage(context);

    private static bool IsInteractivePage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && context.AcceptsInteractiveRouting();

    /// <summary>Request localization for <see cref="IsLocalized"/> requests; the rest keep the server's culture.</summary>
    public static IApplicationBuilder UseConsoleLocalization(this IApplicationBuilder app) =>
        app.UseWhen(IsLocalized, localized => localized.UseRequestLocalization());
}
