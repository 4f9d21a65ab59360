using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Demo;

namespace PuoAiOps.Application.Tests.Demo;

public sealed class DemoDependencyInjectionTests
{
    [Fact]
    public void AddDemo_RegistersAScopedWorkspaceAndBindsTheDemoSection()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["data-dir"] = Path.Combine(Path.GetTempPath(), "puo-demo-di"),
            ["Demo:Seed"] = "false",
        });
        builder.AddPersistence();
        builder.AddDemo();
        using var host = builder.Build();

        using var scope = host.Services.CreateScope();
        var workspace = scope.ServiceProvider.GetRequiredService<DemoWorkspace>();
        Assert.Same(workspace, scope.ServiceProvider.GetRequiredService<DemoWorkspace>());
        using var other = host.Services.CreateScope();
        Assert.NotSame(workspace, other.ServiceProvider.GetRequiredService<DemoWorkspace>());
        Assert.False(host.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed);
    }

    [Fact]
    public void DemoOptions_SeedDefaultsToTrue() => Assert.True(new DemoOptions().Seed);
}
