using System.Data.Common;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// SQLite settings for the one connection that imports, restored before it goes back to the pool:
/// a larger page cache (inserts land all over the unique hash index) and fewer WAL checkpoints
/// (each one rewrites every page touched since the last). Nothing to do on PostgreSQL.
/// </summary>
internal sealed class SqliteImportTuning : IAsyncDisposable
{
    private const int DefaultCachePages = -2000;
    private const int DefaultAutoCheckpoint = 1000;
    private const int ImportAutoCheckpoint = 10_000;

    private readonly DbConnection? _connection;

    private SqliteImportTuning(DbConnection? connection) => _connection = connection;

    public static async Task<SqliteImportTuning> ApplyAsync(DbConnection connection, DatabaseProvider provider, int cacheMegabytes, CancellationToken ct)
    {
        if (provider != DatabaseProvider.Sqlite) return new SqliteImportTuning(null);
        await ExecAsync(connection, $"PRAGMA cache_size = {-cacheMegabytes * 1024}; PRAGMA wal_autocheckpoint = {ImportAutoCheckpoint};", ct);
        return new SqliteImportTuning(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        await ExecAsync(_connection, $"PRAGMA cache_size = {DefaultCachePages}; PRAGMA wal_autocheckpoint = {DefaultAutoCheckpoint};", CancellationToken.None);
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
