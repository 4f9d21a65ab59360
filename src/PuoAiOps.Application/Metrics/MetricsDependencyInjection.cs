using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Jobs;

namespace PuoAiOps.Application.Metrics;

public static class MetricsDependencyInjection
{
    /// <summary>Indicator rollups, queries, drill-down, answer grading, reports and their schedule (needs <c>AddPersistence</c>).</summary>
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
