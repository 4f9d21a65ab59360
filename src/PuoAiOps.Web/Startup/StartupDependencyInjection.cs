using PuoAiOps.Application.Demo;

namespace PuoAiOps.Web.Startup;

public static class StartupDependencyInjection
{
    /// <summary>Schema migration and start-up tasks (stored secrets, the data-protection key, roles, then the demo workspace in the background).</summary>
    public static IHostApplicationBuilder AddWorkspaceStartup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkspaceInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WorkspaceInitializer>());
        builder.Services.AddStartupTask<SealSecretsTask>();
        builder.Services.AddStartupTask<DataProtectionKeyTask>();
        builder.Services.AddStartupTask<EnsureRolesTask>();
        builder.AddDemo();
        builder.Services.AddStartupTask<SeedDemoTask>();
        return builder;
    }

    /// <summary>Registers a task run at every start; see <see cref="IStartupTask"/>.</summary>
    public static IServiceCollection AddStartupTask<T>(this IServiceCollection services) where T : class, IStartupTask =>
        services.AddScoped<T>().AddSingleton(new StartupTaskRegistration(typeof(T)));

    /// <summary>Migrates the schema and runs the before-listening tasks; call between Build() and Run().</summary>
    public static Task InitializeWorkspaceAsync(this WebApplication app, CancellationToken ct = default) =>
        app.Services.GetRequiredService<WorkspaceInitializer>().InitializeAsync(ct);
}

/// <summary>One registered <see cref="IStartupTask"/>, in registration order.</summary>
public sealed record StartupTaskRegistration(Type TaskType);
