namespace PuoAiOps.Web.Taxonomy;

public static class TaxonomyConsoleDependencyInjection
{
    /// <summary>What the taxonomy pages need besides <c>AddTaxonomy()</c>: the annotation guides (section "Taxonomy").</summary>
    public static IHostApplicationBuilder AddTaxonomyConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<GuideOptions>(builder.Configuration.GetSection(GuideOptions.SectionName));
        builder.Services.AddSingleton<GuideLibrary>();
        return builder;
    }
}
