using System.Data;
using System.Data.Common;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Writes prepared questions with one prepared INSERT per row, a transaction spanning a whole
/// batch (possibly several chunks). Duplicates are left to the unique index on "TextHash" (<c>ON CONFLICT DO NOTHING</c>, valid
/// on SQLite and PostgreSQL): the affected-row count tells an insert from a duplicate. The run's
/// counters are updated in the same transaction, so the run row always matches the committed rows.
/// </summary>
internal sealed class QuestionBatchWriter : IAsyncDisposable
{
    private const string InsertSql =
        """
        INSERT INTO "Questions" ("ExternalId", "Text", "TextHash", "UserRef", "Channel", "Locale", "Source",
            "CreatedAt", "ImportedAt", "ImportRunId", "FinalOutOfScope", "IsDemo")
        VALUES (@externalId, @text, @textHash, @userRef, @channel, @locale, @source, @createdAt, @importedAt, @runId, FALSE, FALSE)
        ON CONFLICT ("TextHash") DO NOTHING
        """;

    private const string RunSql =
        """
        UPDATE "ImportRuns" SET "Imported" = "Imported" + @imported, "Duplicates" = "Duplicates" + @duplicates, "Rejected" = @rejected
        WHERE "Id" = @runId
        """;

    private readonly DbConnection _connection;
    private readonly DbCommand _insert;
    private readonly DbCommand _run;
    private readonly DbParameter[] _p;
    private readonly DbParameter _runImported, _runDuplicates, _runRejected;
    private readonly bool _synchronous;
    private bool _preparedDone;
    private DbTransaction? _transaction;
    private int _pendingImported;
    private long _rejectedSoFar;

    public QuestionBatchWriter(DbConnection connection, DatabaseProvider provider, long runId, DateTime importedAt)
    {
        _connection = connection;
        _synchronous = provider == DatabaseProvider.Sqlite;
        _insert = connection.CreateCommand();
        _insert.CommandText = InsertSql;
        _p =
        [
            Add(_insert, "@externalId", DbType.String), Add(_insert, "@text", DbType.String), Add(_insert, "@textHash", DbType.String),
            Add(_insert, "@userRef", DbType.String), Add(_insert, "@channel", DbType.String), Add(_insert, "@locale", DbType.String),
            Add(_insert, "@source", DbType.String), AddDate(_insert, "@createdAt", provider), AddDate(_insert, "@importedAt", provider),
            Add(_insert, "@runId", DbType.Int64),
        ];
        _p[8].Value = importedAt;
        _p[9].Value = runId;

        _run = connection.CreateCommand();
        _run.CommandText = RunSql;
        _runImported = Add(_run, "@imported", DbType.Int32);
        _runDuplicates = Add(_run, "@duplicates", DbType.Int32);
        _runRejected = Add(_run, "@rejected", DbType.Int32);
        Add(_run, "@runId", DbType.Int64).Value = runId;
    }

    /// <summary>Called after each row is written (before commit); lets tests simulate a crash mid-batch.</summary>
    internal Action<int>? AfterRow { get; set; }

    /// <summary>Rows written in the open transaction.</summary>
    public int PendingRows { get; private set; }

    public bool InTransaction => _transaction is not null;

    /// <summary>
    /// Writes up to <paramref name="count"/> rows of the chunk from <paramref name="offset"/> into the
    /// open transaction (opening one if needed); returns the offset after the last row written.
    /// </summary>
    public async Task<int> WriteAsync(QuestionChunk chunk, int offset, int count, CancellationToken ct)
    {
        if (_transaction is null)
        {
            _transaction = await _connection.BeginTransactionAsync(ct);
            _insert.Transaction = _transaction;
            _run.Transaction = _transaction;
            if (!_preparedDone)
            {
                _insert.Prepare();
                _run.Prepare();
                _preparedDone = true;
            }
        }
        var end = Math.Min(chunk.Rows.Count, offset + count);
        for (var i = offset; i < end; i++)
        {
            ct.ThrowIfCancellationRequested();
            var q = chunk.Rows[i];
            _p[0].Value = (object?)q.ExternalId ?? DBNull.Value;
            _p[1].Value = q.Text;
            _p[2].Value = q.TextHash;
            _p[3].Value = (object?)q.UserRef ?? DBNull.Value;
            _p[4].Value = (object?)q.Channel ?? DBNull.Value;
            _p[5].Value = (object?)q.Locale ?? DBNull.Value;
            _p[6].Value = (object?)q.Source ?? DBNull.Value;
            _p[7].Value = q.CreatedAt;
            // SQLite's provider only wraps the synchronous call in a task; skip that per-row cost there.
            _pendingImported += _synchronous ? _insert.ExecuteNonQuery() : await _insert.ExecuteNonQueryAsync(ct);
            PendingRows++;
            AfterRow?.Invoke(PendingRows - 1);
        }
        _rejectedSoFar = chunk.RejectedSoFar;
        return end;
    }

    /// <summary>Updates the run's counters and commits; returns what the batch added.</summary>
    public async Task<(int Imported, int Duplicates)> CommitAsync(CancellationToken ct)
    {
        if (_transaction is null) return (0, 0);
        var imported = _pendingImported;
        var duplicates = PendingRows - imported;
        _runImported.Value = imported;
        _runDuplicates.Value = duplicates;
        _runRejected.Value = checked((int)_rejectedSoFar);
        await _run.ExecuteNonQueryAsync(ct);
        await _transaction.CommitAsync(ct);
        await EndTransactionAsync();
        return (imported, duplicates);
    }

    private async Task EndTransactionAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        _transaction = null;
        _insert.Transaction = null;
        _run.Transaction = null;
        PendingRows = 0;
        _pendingImported = 0;
    }

    /// <summary>Rolls back an uncommitted batch: a crash or cancel leaves whole batches only.</summary>
    public async ValueTask DisposeAsync()
    {
        await EndTransactionAsync();
        await _insert.DisposeAsync();
        await _run.DisposeAsync();
    }

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    /// <summary>
    /// SQLite stores DateTime as EF does ("yyyy-MM-dd HH:mm:ss.FFFFFFF") when the type is left to the
    /// value; PostgreSQL needs timestamptz, which Npgsql picks for DbType.DateTimeOffset with UTC values.
    /// </summary>
    private static DbParameter AddDate(DbCommand command, string name, DatabaseProvider provider)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        if (provider == DatabaseProvider.Postgres) p.DbType = DbType.DateTimeOffset;
        p.Value = DateTime.UnixEpoch;
        command.Parameters.Add(p);
        return p;
    }
}
