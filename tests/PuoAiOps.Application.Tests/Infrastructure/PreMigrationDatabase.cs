using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Tests.Infrastructure;

/// <summary>
/// A database of either provider built by the real migrator up to just before one migration: a test writes rows the
/// way the code before it did (<see cref="ExecAsync"/>, raw SQL, because today's model does not match that schema),
/// applies the migration with <see cref="MigrateAsync"/> and reads the rows back through today's model. Building the
/// old schema forward, rather than undoing a migration after the fact, keeps each test valid when later migrations
/// touch the same tables. SQLite lives in a temp folder; PostgreSQL in a scratch database (skips without a server).
/// </summary>
public sealed class PreMigrationDatabase : IAsyncDisposable
{
    private readonly IAsyncDisposable _storage;

    private PreMigrationDatabase(string migration, DatabaseOptions options, IAsyncDisposable storage)
    {
        Migration = migration;
        Options = options;
        _storage = storage;
    }

    /// <summary>The id of the migration under test, such as "0020_job_message_codes".</summary>
    public string Migration { get; }
    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;

    public static async Task<PreMigrationDatabase> CreateAsync(DatabaseProvider provider, string migration, CancellationToken ct)
    {
        PreMigrationDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var workspace = await TempWorkspace.CreateAsync(migrate: false);
            database = new PreMigrationDatabase(migration, workspace.Options, workspace);
        }
        else
        {
            var scratch = await ScratchPostgresDatabase.CreateAsync("migration", ct);
            var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = scratch.ConnectionString };
            database = new PreMigrationDatabase(migration, options, scratch);
        }
        await using var db = database.NewContext();
        await new SchemaMigrator(db).MigrateToBeforeAsync(migration, ct);
        return database;
    }

    public PuoDbContext NewContext() => DbContextConfigurator.Create(Options);

    /// <summary>A UTC time as a literal of this provider ("yyyy-MM-dd HH:mm:ss" text on SQLite, timestamptz on PostgreSQL).</summary>
    public string At(DateTime utc)
    {
        var text = utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return Provider == DatabaseProvider.Sqlite ? $"'{text}'" : $"TIMESTAMPTZ '{text}+00'";
    }

    /// <summary>
    /// Runs SQL on the old schema straight through the connection (not EF's raw SQL, which reads braces as
    /// placeholders); returns the first column of the first row, if any, so "INSERT ... RETURNING" gives the new id.
    /// </summary>
    public async Task<object?> ExecAsync(string sql, CancellationToken ct)
    {
        await using var db = NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>Applies the migration under test and any after it; fails unless it was the first one still pending.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = NewContext();
        var applied = await new SchemaMigrator(db).MigrateAsync(ct);
        Assert.Equal(Migration, applied.Count > 0 ? applied[0] : null);
    }

    public ValueTask DisposeAsync() => _storage.DisposeAsync();
}
