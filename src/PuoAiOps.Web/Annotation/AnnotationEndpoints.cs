namespace PuoAiOps.Web.Annotation;

/// <summary>
/// The annotation area's one non-page endpoint: the labeled-data download. The pages
/// (Components/Annotation) are interactive and call Application services directly.
/// </summary>
internal static class AnnotationEndpoints
{
    public static IEndpointRouteBuilder MapAnnotationUi(this IEndpointRouteBuilder endpoints) => endpoints.MapLabelExport();
}
