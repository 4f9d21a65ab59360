using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>The metrics services over one workspace folder, with a chosen clock and options.</summary>
internal static class MetricsHost
{
    public static ServiceProvider Build(string dataDir, TimeProvider clock, Action<MetricsOptions>? configure = null) =>
        Build(new DatabaseOptions { DataDir = dataDir }, clock, configure);

    /// <summary>Over any database, e.g. a scratch PostgreSQL one.</summary>
    public static ServiceProvider Build(DatabaseOptions database, TimeProvider clock, Action<MetricsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, database));
        services.AddSingleton(clock);
        services.AddMetricsServices();
        services.Configure<MetricsOptions>(o => configure?.Invoke(o));
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static async Task<T> WithAsync<T>(this ServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
