using Microsoft.Extensions.Options;
using PuoAiOps.Web.Annotation.Guides;

namespace PuoAiOps.Web.Annotation;

public static class AnnotationConsoleDependencyInjection
{
    /// <summary>The annotation pages' own services: guides, intent lists, panel builders (the services themselves: <c>AddAnnotation</c>).</summary>
    public static IHostApplicationBuilder AddAnnotationConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GuideOptions>().Bind(builder.Configuration.GetSection(GuideOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GuideOptions>>(sp => new GuideOptionsValidator(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        services.AddSingleton<GuideLibrary>();
        services.AddScoped<IntentCatalog>();
        services.AddScoped<LabelPanels>();
        services.AddScoped<AdjudicationPanels>();
        return builder;
    }

    private sealed class GuideOptionsValidator(string contentRoot) : IValidateOptions<GuideOptions>
    {
        public ValidateOptionsResult Validate(string? name, GuideOptions options)
        {
            var errors = options.Validate(contentRoot).ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
