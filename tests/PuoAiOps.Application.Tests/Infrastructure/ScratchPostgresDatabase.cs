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

    private ScratchPostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<ScratchPostgresDatabase> CreateAsync(string prefix, CancellationToken ct)
    {
        var server = Requirements.Postgres();
        var database = new ScratchPostgresDatabase(server, $"puo_{prefix}_{Guid.NewGuid():N}"[..40]);
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
