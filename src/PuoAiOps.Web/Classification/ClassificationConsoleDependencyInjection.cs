using PuoAiOps.Application.Classification;
using PuoAiOps.Web.Jobs;

namespace PuoAiOps.Web.Classification;

public static class ClassificationConsoleDependencyInjection
{
    /// <summary>The classifier (registry, serving, LLM endpoint, jobs) and this instance's job runner.</summary>
    public static IHostApplicationBuilder AddClassificationConsole(this IHostApplicationBuilder builder)
    {
        builder.AddClassification();
        builder.Services.AddHostedService<JobRunnerService>();
        return builder;
    }
}
