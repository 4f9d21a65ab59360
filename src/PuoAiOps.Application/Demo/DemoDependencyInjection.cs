using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PuoAiOps.Application.Demo;

public static class DemoDependencyInjection
{
    /// <summary>The demo workspace service (scoped, like the DbContext it writes through) and <see cref="DemoOptions"/>.</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName));
        builder.Services.AddScoped<DemoWorkspace>();
        builder.Services.AddScoped<DemoGradingSample>();
        return builder;
    }
}
