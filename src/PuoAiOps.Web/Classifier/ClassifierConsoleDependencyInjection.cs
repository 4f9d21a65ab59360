using PuoAiOps.Application.Classification;
using PuoAiOps.Web.Jobs;

namespace PuoAiOps.Web.Classifier;

public static class ClassifierConsoleDependencyInjection
{
    /// <summary>The classifier (registry, serving, LLM endpoint, jobs) and this instance's job runner.</summary>
    public static IHostApplicationBuilder AddClassifierConsole(this IHostApplicationBuilder builder)
    {
        builder.AddClassification();
        builder.Services.AddHostedService<JobRunnerService>();
        return builder;
    }
}
