using Microsoft.AspNetCore.Authorization;
using PuoAiOps.Web.Admin;
using PuoAiOps.Web.Annotation;
using PuoAiOps.Web.Api;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Components;
using PuoAiOps.Web.Questions;
using PuoAiOps.Web.Taxonomy;

namespace PuoAiOps.Web.Hosting;

public static class ConsoleEndpoints
{
    /// <summary>Every endpoint of the console. Each declares its policy (tests enumerate them all).</summary>
    public static WebApplication MapConsoleEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapStatusPages();
        app.MapAccount();
        app.MapAdminUi();
        app.MapAdminSettings();
        app.MapTaxonomyUi();
        app.MapQuestionsUi();
        app.MapAnnotationUi();
        app.MapClassifierUi();
        app.MapApiV1();
        app.MapRazorComponents<App>().Add(builder =>
        {
            // The framework's redirect helper for enhanced navigation (unused without blazor.web.js)
            // gets an explicit policy like everything else instead of relying on the fallback.
            if (builder is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.EndsWith("_framework/opaque-redirect", StringComparison.Ordinal))
                builder.Metadata.Add(new AuthorizeAttribute(Policies.SignedIn));
        });
        return app;
    }
}
