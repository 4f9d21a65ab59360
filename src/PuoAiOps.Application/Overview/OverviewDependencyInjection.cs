using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PuoAiOps.Application.Overview;

public static class OverviewDependencyInjection
{
    /// <summary>The workspace-wide figures of the overview page. Needs <c>AddPersistence</c>.</summary>
    public static IHostApplicationBuilder AddOverview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<WorkspaceOverview>();
        return builder;
    }
}
