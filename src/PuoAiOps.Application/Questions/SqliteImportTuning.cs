using System.Data.Common;
using Microsoft.Data.Sqlite;
using PuoAiOps.Application.Persistence;
using SQLitePCL;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// SQLite settings for the one connection that imports, restored before it goes back to the pool:
/// a larger page cache (inserts land all over the unique hash index) and fewer WAL checkpoints
/// (each one rewrites every page touched since the last). The checkpoints are run here, after a commit, rather than
/// by SQLite inside it, so an import can tell their cost from the commit's. Nothing to do on PostgreSQL.
/// </summary>
internal sealed class SqliteImportTuning : IAsyncDisposable
{
    private const int DefaultCachePages = -2000;
    private const int DefaultAutoCheckpoint = 1000;
    private const int ImportCheckpointPages = 10_000;
    private const int CacheMiss = 8, CacheWrite = 9, CacheSpill = 12; // SQLITE_DBSTATUS_*

    private readonly SqliteConnection? _connection;
    private readonly long _writtenAtStart, _readAtStart, _spilledAtStart;
    private long _writtenAtCheckpoint;

    private SqliteImportTuning(SqliteConnection? connection)
    {
        _connection = connection;
        if (connection is null) return;
        _writtenAtStart = _writtenAtCheckpoint = Status(CacheWrite);
        _readAtStart = Status(CacheMiss);
        _spilledAtStart = Status(CacheSpill);
    }

    public static async Task<SqliteImportTuning> ApplyAsync(DbConnection connection, DatabaseProvider provider, int cacheMegabytes, CancellationToken ct)
    {
        if (provider != DatabaseProvider.Sqlite || connection is not SqliteConnection sqlite) return new SqliteImportTuning(null);
        await ExecAsync(connection, $"PRAGMA cache_size = {-cacheMegabytes * 1024}; PRAGMA wal_autocheckpoint = 0; PRAGMA temp_store = MEMORY;", ct);
        return new SqliteImportTuning(sqlite);
    }

    /// <summary>Pages this connection wrote (to the WAL) and read (cache misses), and how often its cache spilled mid-transaction.</summary>
    public (long Written, long Read, long Spills) Pages =>
        _connection is null ? default : (Status(CacheWrite) - _writtenAtStart, Status(CacheMiss) - _readAtStart, Status(CacheSpill) - _spilledAtStart);

    /// <summary>
    /// After a commit (outside any transaction): copies the WAL into the database once this connection has written
    /// <see cref="ImportCheckpointPages"/> pages since the last time, as <c>wal_autocheckpoint</c> would (PASSIVE: it
    /// never waits for readers). Returns the time it took; zero when not due.
    /// </summary>
    public ImportStage CheckpointIfDue()
    {
        if (_connection is null) return default;
        var written = Status(CacheWrite);
        if (written - _writtenAtCheckpoint < ImportCheckpointPages) return default;
        var mark = StageMark.Start();
        var rc = raw.sqlite3_wal_checkpoint_v2(_connection.Handle!, null, raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _);
        // A busy database (another process's checkpoint) is no error here: the next commit tries again.
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_BUSY)) SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        _writtenAtCheckpoint = written;
        return mark.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        await ExecAsync(_connection, $"PRAGMA cache_size = {DefaultCachePages}; PRAGMA wal_autocheckpoint = {DefaultAutoCheckpoint}; PRAGMA temp_store = DEFAULT;", CancellationToken.None);
    }

    private long Status(int op)
    {
        raw.sqlite3_db_status(_connection!.Handle!, op, out var current, out _, 0);
        return current;
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
