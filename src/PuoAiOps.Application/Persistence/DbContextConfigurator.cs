using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PuoAiOps.Application.Persistence;

/// <summary>Chooses the provider at run time from <see cref="DatabaseOptions"/> (never by #if).</summary>
public static class DbContextConfigurator
{
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteFilePath)!);
                var csb = new SqliteConnectionStringBuilder
                {
                    DataSource = options.SqliteFilePath,
                    Cache = SqliteCacheMode.Private,
                    Pooling = true,
                    DefaultTimeout = Math.Max(1, options.BusyTimeoutMs / 1000),
                };
                builder.UseSqlite(csb.ToString());
                builder.AddInterceptors(new SqlitePragmaInterceptor(options.BusyTimeoutMs));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown {DatabaseOptions.SectionName}:Provider '{options.Provider}'.");
        }
    }

    /// <summary>A context outside dependency injection (CLI, tests, tools).</summary>
    public static PuoDbContext Create(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<PuoDbContext>();
        Configure(builder, options);
        return new PuoDbContext(builder.Options);
    }
}
