using Npgsql;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Benchmarks;

/// <summary>A throw-away PostgreSQL database for a scenario run, on a server where the user may create databases.</summary>
internal static class PostgresDatabase
{
    public static async Task<DatabaseOptions> CreateAsync(string server)
    {
        var name = "puo_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecAsync(server, $"CREATE DATABASE \"{name}\"");
        return new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
    }

    public static async Task DropAsync(string server, DatabaseOptions database)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await ExecAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
