using Npgsql;

namespace PuoAiOps.Application.Tests.Infrastructure;

/// <summary>
/// A fresh, uniquely named database on the server named by PUO_TEST_POSTGRES (skips through
/// <see cref="Requirements"/> when there is none), dropped on dispose. Tests never depend on what else
/// the server holds.
/// </summary>
public sealed class ScratchPostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    private ScratchPostgresDatabase(string server, string name, Action<NpgsqlConnectionStringBuilder>? connection)
    {
        _server = server;
        Name = name;
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
        connection?.Invoke(builder);
        ConnectionString = builder.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <param name="prefix">names the database after the tests that use it (puo_prefix_guid), to tell leftovers apart.</param>
    /// <param name="connection">changes the test's connection string from its default (no pooling), e.g. a test bed
    /// that opens many short connections pools them.</param>
    public static async Task<ScratchPostgresDatabase> CreateAsync(string prefix, CancellationToken ct, Action<NpgsqlConnectionStringBuilder>? connection = null)
    {
        var server = Requirements.Postgres();
        var database = new ScratchPostgresDatabase(server, $"puo_{prefix}_{Guid.NewGuid():N}"[..40], connection);
        await ExecAsync(server, $"CREATE DATABASE \"{database.Name}\"", ct);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecAsync(string server, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
