using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Secrets;

namespace PuoAiOps.Application;

public static class DependencyInjection
{
    /// <summary>The database, chosen by <c>Database:Provider</c>, validated at start with messages naming the config path, and the key for the secrets it stores.</summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindStrictly(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .PostConfigure(o => o.DataDir = ResolveDataDir(builder.Configuration, o.DataDir))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        // The options are built once per process (the settings cannot change while it runs): building them per
        // scope re-ran the provider set-up (a connection string, a directory check) for every request's context.
        builder.Services.AddDbContext<PuoDbContext>((sp, options) =>
            DbContextConfigurator.Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value),
            optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddScoped<SchemaMigrator>();
        builder.Services.AddScoped<DatabaseProbe>();
        builder.Services.AddWorkspaceSecrets(builder.Configuration);
        return builder;
    }

    /// <summary>--data-dir (config key "data-dir") wins over PUO_DATA_DIR, which wins over Database:DataDir.</summary>
    public static string ResolveDataDir(IConfiguration configuration, string configured)
    {
        var fromArgs = configuration["data-dir"];
        if (!string.IsNullOrWhiteSpace(fromArgs)) return fromArgs;
        var fromEnv = Environment.GetEnvironmentVariable("PUO_DATA_DIR");
        return string.IsNullOrWhiteSpace(fromEnv) ? configured : fromEnv;
    }

    private sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
