using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Jobs;

namespace PuoAiOps.Application.Metrics;

public static class MetricsDependencyInjection
{
    /// <summary>Indicator rollups, queries, drill-down, answer grading and the LLM judge, reports and their schedule (needs <c>AddPersistence</c>; the judge reads section "Ai", bound by <c>AddAi</c> or <c>AddClassification</c>).</summary>
    public static IHostApplicationBuilder AddMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetricsServices();
        builder.Services.AddOptions<MetricsOptions>()
            .Bind(builder.Configuration.GetSection(MetricsOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddHostedService<MetricsSchedule>();
        builder.Services.AddJobs();
        builder.Services.AddScoped<ReportJobService>();
        builder.Services.AddJobHandler<ReportJobHandler>(ReportJobKinds.Generate);
        builder.Services.AddScoped<JudgeJobService>();
        builder.Services.AddJobHandler<JudgeJobHandler>(JudgeJobKinds.Run);
        return builder;
    }

    /// <summary>The services without the schedule, for the CLI's container.</summary>
    public static IServiceCollection AddMetricsServices(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>();
        services.TryAddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAnswerPreGrader, NoPreGrader>();
        services.AddScoped<RollupBuilder>();
        services.TryAddSingleton<OverviewCache>();
        services.AddScoped<MetricsQueryService>();
        services.AddScoped<DrillDownService>();
        services.AddScoped<GradingService>();
        services.AddScoped<ReportService>();
        services.AddScoped<MetricsChoices>();
        services.AddScoped<GradingOverview>();
        // The LLM judge: available when Ai:Provider is set (the host binds the Ai section).
        services.AddAiServices();
        services.TryAddSingleton<JudgePrompt>();
        services.AddScoped<AnswerJudge>();
        return services;
    }

    private sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
    {
        public ValidateOptionsResult Validate(string? name, MetricsOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
