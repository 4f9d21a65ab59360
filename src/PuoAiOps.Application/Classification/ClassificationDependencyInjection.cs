using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification.Batch;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Classification.Serving;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;

namespace PuoAiOps.Application.Classification;

public static class ClassificationDependencyInjection
{
    /// <summary>
    /// Model registry, training, evaluation, batch classification, the serving classifier and their
    /// background jobs (section "Classifier", validated at start). Needs <c>AddPersistence</c>; adds
    /// <c>AddAi</c> and <c>AddJobs</c> when the host has not.
    /// </summary>
    public static IHostApplicationBuilder AddClassification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClassifierOptions>().Bind(builder.Configuration.GetSection(ClassifierOptions.SectionName)).ValidateOnStart();
        builder.Services.AddOptions<AiOptions>().BindStrictly(builder.Configuration.GetSection(AiOptions.SectionName)).ValidateOnStart();
        builder.Services.AddOptions<JobOptions>().Bind(builder.Configuration.GetSection(JobOptions.SectionName)).ValidateOnStart();
        builder.Services.AddClassificationServices();
        return builder;
    }

    /// <summary>The services alone (for hosts that bind options themselves, such as the CLI and tests).</summary>
    public static IServiceCollection AddClassificationServices(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClassifierOptions>, ClassifierOptionsValidator>());
        services.AddAiServices();
        services.AddJobs();
        services.TryAddSingleton<ServingClassifier>();
        services.TryAddScoped<ClassifierFactory>();
        services.TryAddScoped<ModelRegistry>();
        services.TryAddScoped<ModelTrainingService>();
        services.TryAddScoped<LlmEvaluationService>();
        services.TryAddScoped<CrossValidationService>();
        services.TryAddScoped<BatchClassificationService>();
        services.TryAddScoped<ClassifierJobService>();
        services.TryAddScoped<ClassifierJobViews>();
        services.TryAddScoped<IntentNameReader>();
        services.TryAddScoped<Data.TrainingDataCounts>();
        services.TryAddScoped<Demo.DemoModels>();
        services.AddJobHandler<TrainJobHandler>(ClassifierJobKinds.Train);
        services.AddJobHandler<LlmEvaluationJobHandler>(ClassifierJobKinds.EvaluateLlm);
        services.AddJobHandler<CrossValidationJobHandler>(ClassifierJobKinds.CrossValidate);
        services.AddJobHandler<BatchClassificationJobHandler>(ClassifierJobKinds.BatchClassify);
        return services;
    }

    private sealed class ClassifierOptionsValidator : IValidateOptions<ClassifierOptions>
    {
        public ValidateOptionsResult Validate(string? name, ClassifierOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
