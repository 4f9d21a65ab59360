using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Cli;

/// <summary>
/// The command line's services, built with the console's own <c>Add&lt;Feature&gt;</c> registrations
/// and validated as the console validates them at start-up, from the same settings (environment
/// variables; --data-dir as the console's "data-dir"). A bad setting is an
/// <see cref="OptionsValidationException"/> naming its configuration path: exit code 2.
/// </summary>
internal static class CliServices
{
    /// <summary>Services for verbs that need application services; the database is migrated first.</summary>
    public static async Task<ServiceProvider> BuildAsync(CliContext ctx, Action<IHostApplicationBuilder> configure, CancellationToken ct)
    {
        var builder = CreateBuilder(ctx);
        configure(builder);
        var provider = BuildValidated(builder);
        try
        {
            await using var db = DbContextConfigurator.Create(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value);
            await new SchemaMigrator(db).MigrateAsync(ct);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>The validated database settings alone (verbs that open the database themselves).</summary>
    public static DatabaseOptions Database(CliContext ctx)
    {
        using var provider = BuildValidated(CreateBuilder(ctx));
        return provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
    }

    private static HostApplicationBuilder CreateBuilder(CliContext ctx)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "puo" });
        builder.Configuration.AddConfiguration(ctx.Configuration);
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("data-dir", ctx.DataDir)]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPersistence();
        return builder;
    }

    /// <summary>Builds the container and runs every start-up validation the registrations asked for (ValidateOnStart).</summary>
    private static ServiceProvider BuildValidated(HostApplicationBuilder builder)
    {
        var provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            return provider;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            provider.Dispose();
            var failures = ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
            throw new OptionsValidationException(Options.DefaultName, typeof(object), failures);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
