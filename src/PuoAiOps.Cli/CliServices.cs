using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Cli;

/// <summary>A small service container for verbs that need application services (Identity, feature services).</summary>
internal static class CliServices
{
    public static async Task<ServiceProvider> BuildAsync(CliContext ctx, Action<IServiceCollection> configure, CancellationToken ct)
    {
        var database = ctx.Database();
        await using (var db = DbContextConfigurator.Create(database))
            await new SchemaMigrator(db).MigrateAsync(ct);

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(database));
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, database));
        configure(services);
        return services.BuildServiceProvider(validateScopes: true);
    }
}
