using Microsoft.AspNetCore.Authorization;
using PuoAiOps.Web.Annotation;
using PuoAiOps.Web.Api;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Components;
using PuoAiOps.Web.Metrics;
using PuoAiOps.Web.Questions;
using PuoAiOps.Web.Shell;
using PuoAiOps.Web.Taxonomy;

namespace PuoAiOps.Web.Hosting;

public static class ConsoleEndpoints
{
    /// <summary>Every endpoint of the console. Each declares its policy (tests enumerate them all).</summary>
    public static WebApplication MapConsoleEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapStatusPages();
        app.MapThemeStylesheet();
        app.MapAccount();
        app.MapTaxonomyUi();
        app.MapQuestionsUi();
        app.MapAnnotationUi();
        app.MapReportDownloads();
        app.MapApiV1();
        app.MapBotApiReference();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(builder =>
        {
            // The framework's own endpoints get an explicit policy like everything else instead of
            // relying on the fallback: the enhanced-navigation redirect helper, and the circuit hub
            // (/_blazor: negotiate, connect, disconnect, initializers). Only signed-in people have
            // interactive pages (sign-in and setup are static forms), so only they need a circuit.
            if (builder is RouteEndpointBuilder { RoutePattern.RawText: { } route } && IsFrameworkEndpoint(route))
                builder.Metadata.Add(new AuthorizeAttribute(Policies.SignedIn));
        });
        return app;
    }

    private static bool IsFrameworkEndpoint(string route) =>
        route.EndsWith("_framework/opaque-redirect", StringComparison.Ordinal) ||
        route.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal);
}
