using PuoAiOps.Web.Annotation.Guides;

namespace PuoAiOps.Web.Annotation;

/// <summary>The annotation workbench's htmx, download and chart endpoints (pages are Razor components in Components/Annotate).</summary>
internal static class AnnotationEndpoints
{
    public static IEndpointRouteBuilder MapAnnotationUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLabeling();
        endpoints.MapAdjudication();
        endpoints.MapBatchManagement();
        endpoints.MapGuidePanels();
        return endpoints;
    }
}
