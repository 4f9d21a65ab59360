using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PuoAiOps.Application.Demo;

public static class DemoDependencyInjection
{
    /// <summary>The demo workspace services (scoped, like the DbContext they write through) and <see cref="DemoOptions"/>.</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName));
        builder.Services.AddDemoServices();
        return builder;
    }

    /// <summary>
    /// The services alone, for hosts without an application builder. <see cref="DemoSetup"/> also needs the
    /// knowledge services (the SOP index) and the classification services (the demo's models) registered.
    /// </summary>
    public static IServiceCollection AddDemoServices(this IServiceCollection services)
    {
        services.TryAddScoped<DemoWorkspace>();
        services.TryAddScoped<DemoGradingSample>();
        services.TryAddScoped<DemoSetup>();
        return services;
    }
}
