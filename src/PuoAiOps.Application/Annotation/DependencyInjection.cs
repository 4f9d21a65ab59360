using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Application.Annotation;

public static class DependencyInjection
{
    /// <summary>
    /// Annotation batches, queue, adjudication, quality, label export and the reads the annotation
    /// pages show (intent lists, item details, queue counts). Needs <c>AddPersistence</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAnnotation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnnotationOptions>()
            .Bind(builder.Configuration.GetSection(AnnotationOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AnnotationOptions>, AnnotationOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<BatchService>();
        builder.Services.AddScoped<QueueService>();
        builder.Services.AddScoped<SuggestionService>();
        builder.Services.AddScoped<AdjudicationService>();
        builder.Services.AddScoped<QualityService>();
        builder.Services.AddScoped<LabelExportService>();
        builder.Services.AddScoped<QuestionContextService>();
        builder.Services.AddScoped<IntentCatalog>();
        builder.Services.AddScoped<LabelingReader>();
        builder.Services.AddScoped<AdjudicationQueueReader>();
        builder.Services.AddScoped<AnnotationOverview>();
        builder.Services.AddScoped<BatchChoices>();
        return builder;
    }

    private sealed class AnnotationOptionsValidator : IValidateOptions<AnnotationOptions>
    {
        public ValidateOptionsResult Validate(string? name, AnnotationOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
