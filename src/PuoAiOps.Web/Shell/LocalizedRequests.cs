using Microsoft.AspNetCore.Components.Endpoints;

namespace PuoAiOps.Web.Shell;

/// <summary>
/// Which requests get the reader's language: every page (interactive or static: sign-in, setup), the
/// circuit hub and the status pages (re-executed at /status/{code}, also after a failed API call, whose
/// problem details carry no text to translate). The REST API, downloads and the health check keep the
/// server's culture, so what they write never depends on who asked.
/// </summary>
public static class LocalizedRequests
{
    public const string HubPath = "/_blazor";

    public static bool IsLocalized(HttpContext context) =>
        context.Request.Path.StartsWithSegments(HubPath) || context.Request.Path.StartsWithSegments(StatusPath) || IsPage(context);

    private const string StatusPath = "/status";

    private static bool IsPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    /// <summary>Request localization for <see cref="IsLocalized"/> requests; the rest keep the server's culture.</summary>
    public static IApplicationBuilder UseConsoleLocalization(this IApplicationBuilder app) =>
        app.UseWhen(IsLocalized, localized => localized.UseRequestLocalization());
}
