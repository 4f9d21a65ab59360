using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PuoAiOps.Application.Escalations;

public static class EscalationsDependencyInjection
{
    /// <summary>The hand-over queue: <see cref="EscalationQueue"/> (reads) and <see cref="EscalationDesk"/> (commands). Needs <c>AddPersistence</c>.</summary>
    public static IHostApplicationBuilder AddEscalations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddEscalationServices();
        return builder;
    }

    public static IServiceCollection AddEscalationServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Admin.WorkspaceClock>();
        services.TryAddScoped<Admin.WorkspaceTimeZone>(); // the clock reads the zone through it
        services.TryAddScoped<EscalationQueue>();
        services.TryAddScoped<EscalationDesk>();
        return services;
    }
}
