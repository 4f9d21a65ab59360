using Microsoft.AspNetCore.Http.HttpResults;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Components.Annotation;

namespace PuoAiOps.Web.Annotation.Guides;

/// <summary>The guide panel fragment for one intent (or out-of-scope), fetched by the labeling and adjudication pages.</summary>
internal static class GuideEndpoints
{
    public static IEndpointRouteBuilder MapGuidePanels(this IEndpointRouteBuilder endpoints)
    {
        var guide = endpoints.MapGroup("/annotate/guide").RequireAuthorization(Policies.AnnotationArea);
        guide.MapGet("/{intentId:int}", IntentAsync);
        guide.MapGet("/oos", OutOfScopeAsync);
        return endpoints;
    }

    private static async Task<IResult> IntentAsync(int intentId, HttpContext http, IntentCatalog catalog, AnnotationGuides guides)
    {
        var intent = await catalog.GuideInfoAsync(intentId, http.RequestAborted);
        if (intent is null) return AnnotationResults.NotFound($"Intent {intentId} does not exist.");
        // Guides change rarely; the page also keeps each fragment for as long as it is open.
        http.Response.Headers.CacheControl = "private, max-age=300";
        return AnnotationResults.Partial<GuidePanel>(new { Intent = intent, Section = await guides.SectionAsync(intent.GuideRef, http.RequestAborted) });
    }

    private static async Task<RazorComponentResult<GuidePanel>> OutOfScopeAsync(HttpContext http, AnnotationGuides guides)
    {
        http.Response.Headers.CacheControl = "private, max-age=300";
        return AnnotationResults.Partial<GuidePanel>(new { Intent = (IntentGuideInfo?)null, Section = await guides.SectionAsync(GuideLinks.OutOfScopeRef, http.RequestAborted) });
    }
}
