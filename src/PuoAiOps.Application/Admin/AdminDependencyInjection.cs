using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PuoAiOps.Application.Admin;

public static class AdminDependencyInjection
{
    /// <summary>
    /// User administration (create, role, disable) with its audit trail, the audit log reader, API keys,
    /// the workspace settings list and time zone (with its per-instance cache, <see cref="WorkspaceClock"/>). Needs <c>AddPersistence</c> and Identity's user and role managers
    /// (the console's auth setup, or <see cref="IdentitySetup.AddPuoIdentityCore"/>).
    /// </summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAdminServices();
        return builder;
    }

    /// <summary>The same registrations for hosts without an application builder (the CLI's service container).</summary>
    public static IServiceCollection AddAdminServices(this IServiceCollection services)
    {
        services.AddScoped<UserAdminService>();
        services.AddScoped<AuditLogReader>();
        services.AddScoped<WorkspaceSettings>();
        services.AddScoped<ApiKeyService>();
        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.AddScoped<WorkspaceTimeZone>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkspaceClock>();
        return services;
    }
}
