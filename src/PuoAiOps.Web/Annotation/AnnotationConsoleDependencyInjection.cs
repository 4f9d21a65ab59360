using Microsoft.Extensions.DependencyInjection.Extensions;
using PuoAiOps.Web.Annotation.Guides;
using PuoAiOps.Web.Taxonomy;

namespace PuoAiOps.Web.Annotation;

public static class AnnotationConsoleDependencyInjection
{
    /// <summary>
    /// The annotation pages' own services: guides (shared with the taxonomy pages, setting
    /// <c>Taxonomy:GuidesPath</c>). The services themselves: <c>AddAnnotation</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAnnotationConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<GuideOptions>(builder.Configuration.GetSection(GuideOptions.SectionName));
        services.TryAddSingleton<GuideLibrary>();
        services.AddSingleton<AnnotationGuides>();
        return builder;
    }
}
