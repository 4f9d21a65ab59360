using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Tests.Annotation;

public class DependencyInjectionTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddPersistence();
        builder.AddAnnotation();
        return builder;
    }

    [Fact]
    public void AddAnnotation_RegistersTheServicesAndBindsTheLeaseLength()
    {
        using var host = Builder(("Annotation:LeaseMinutes", "7"), ("Database:DataDir", Path.GetTempPath())).Build();
        using var scope = host.Services.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<QueueService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<BatchService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<AdjudicationService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<QualityService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<LabelExportService>());
        Assert.Equal(TimeSpan.FromMinutes(7), host.Services.GetRequiredService<IOptions<AnnotationOptions>>().Value.LeaseDuration);
        Assert.IsType<PuoDbContext>(scope.ServiceProvider.GetRequiredService<PuoDbContext>());
    }

    [Fact]
    public void AddAnnotation_RejectsAnOutOfRangeLeaseNamingTheSetting()
    {
        using var host = Builder(("Annotation:LeaseMinutes", "0"), ("Database:DataDir", Path.GetTempPath())).Build();

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AnnotationOptions>>().Value);

        Assert.Contains("Annotation:LeaseMinutes", ex.Message, StringComparison.Ordinal);
    }
}
