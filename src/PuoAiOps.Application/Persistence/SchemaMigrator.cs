using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace PuoAiOps.Application.Persistence;

/// <summary>
/// Applies the SQL migration scripts of the active provider in order, each once, each in its own
/// transaction (see docs/decisions/0002-sql-migrations.md for why these are SQL files).
/// Safe to run from several instances at once: PostgreSQL takes an advisory lock, SQLite an
/// immediate write transaction.
/// </summary>
public sealed class SchemaMigrator(PuoDbContext db)
{
    private const string HistoryTable = "__puo_schema_history";
    private const long PostgresLockKey = 0x5055_4F41_494F_5053; // "PUOAIOPS"

    public sealed record Migration(string Id, string Sql);

    public static IReadOnlyList<Migration> ScriptsFor(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Persistence.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Migration(n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    public DatabaseProvider Provider =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Applies pending scripts; returns the ids applied by this call.</summary>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default) => MigrateAsync(ScriptsFor(Provider), ct);

    /// <summary>
    /// Applies the pending scripts that come before <paramref name="migrationId"/>: the database as it was just before
    /// that migration, so a migration test can write rows the way the code before it did and then apply the rest
    /// through <see cref="MigrateAsync(CancellationToken)"/>, the same path the console takes.
    /// </summary>
    internal Task<IReadOnlyList<string>> MigrateToBeforeAsync(string migrationId, CancellationToken ct = default)
    {
        var scripts = ScriptsFor(Provider);
        if (!scripts.Any(m => m.Id == migrationId))
            throw new ArgumentException($"There is no migration '{migrationId}' for {Provider}.", nameof(migrationId));
        return MigrateAsync(scripts.Where(m => string.CompareOrdinal(m.Id, migrationId) < 0).ToList(), ct);
    }

    private async Task<IReadOnlyList<string>> MigrateAsync(IReadOnlyList<Migration> scripts, CancellationToken ct)
    {
        var provider = Provider;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (provider == DatabaseProvider.Sqlite)
                await ExecAsync(connection, "PRAGMA journal_mode=WAL;", ct);
            else
                await ExecAsync(connection, $"SELECT pg_advisory_lock({PostgresLockKey});", ct);

            await ExecAsync(connection, $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id VARCHAR(200) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL);", ct);
            var applied = new List<string>();
            foreach (var migration in scripts)
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                // Re-check inside the transaction: another instance may have applied it meanwhile.
                if (await IsAppliedAsync(connection, tx, migration.Id, ct))
                {
                    await tx.RollbackAsync(ct);
                    continue;
                }
                await ExecAsync(connection, migration.Sql, ct, tx);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = tx;
                    record.CommandText = $"INSERT INTO {HistoryTable} (id, applied_at) VALUES (@id, @at);";
                    AddParameter(record, "@id", migration.Id);
                    AddParameter(record, "@at", DateTime.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                applied.Add(migration.Id);
            }
            if (provider == DatabaseProvider.Postgres)
                await ExecAsync(connection, $"SELECT pg_advisory_unlock({PostgresLockKey});", ct);
            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Ids of the scripts not yet applied (for `puo db migrate --dry-run` and health checks).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        var all = ScriptsFor(Provider).Select(m => m.Id).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ExecAsync(connection, $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id VARCHAR(200) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL);", ct);
            var pending = new List<string>();
            foreach (var id in all)
                if (!await IsAppliedAsync(connection, null, id, ct)) pending.Add(id);
            return pending;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction? tx, string id, CancellationToken ct)
    {
        await using var check = connection.CreateCommand();
        check.Transaction = tx;
        check.CommandText = $"SELECT COUNT(*) FROM {HistoryTable} WHERE id = @id;";
        AddParameter(check, "@id", id);
        return Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
