using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Application.Jobs;

public static class JobsDependencyInjection
{
    /// <summary>The job queue and runner (section "Jobs", validated at start). Hosts decide when the runner loops.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddJobs();
        builder.Services.AddOptions<JobOptions>().Bind(builder.Configuration.GetSection(JobOptions.SectionName)).ValidateOnStart();
        return builder;
    }

    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<JobQueue>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<JobEventHub>();
        services.TryAddSingleton<IJobEvents>(sp => sp.GetRequiredService<JobEventHub>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobOptions>, JobOptionsValidator>());
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> (scoped) for the job kind it names.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind) where THandler : class, IJobHandler
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new JobHandlerRegistration(kind, typeof(THandler)));
        return services;
    }

    private sealed class JobOptionsValidator : IValidateOptions<JobOptions>
    {
        public ValidateOptionsResult Validate(string? name, JobOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
