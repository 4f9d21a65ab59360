using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Writes prepared questions in transactions that each span one batch (possibly several chunks).
/// Duplicates are left to the unique index on "TextHash" (<c>ON CONFLICT DO NOTHING</c>): the
/// affected-row count tells an insert from a duplicate. The run's counters are updated in the
/// same transaction, so the run row always matches the committed rows.
/// </summary>
internal sealed class QuestionBatchWriter : IAsyncDisposable
{
    private const string RunSql =
        """
        UPDATE "ImportRuns" SET "Imported" = "Imported" + @imported, "Duplicates" = "Duplicates" + @duplicates, "Rejected" = @rejected
        WHERE "Id" = @runId
        """;

    private readonly DbConnection _connection;
    private readonly IQuestionInserter _inserter;
    private readonly DbCommand _run;
    private readonly DbParameter _runImported, _runDuplicates, _runRejected;
    private bool _preparedDone;
    private DbTransaction? _transaction;
    private int _pendingImported;
    private long _rejectedSoFar;

    /// <param name="portable">Use the ADO.NET command path even on SQLite (tests keep that path honest).</param>
    public QuestionBatchWriter(DbConnection connection, DatabaseProvider provider, long runId, DateTime importedAt, bool portable = false)
    {
        _connection = connection;
        _inserter = provider == DatabaseProvider.Sqlite && !portable && connection is SqliteConnection sqlite
            ? new SqliteQuestionInserter(sqlite, runId, importedAt)
            : new DbCommandQuestionInserter(connection, provider, runId, importedAt);
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
            _inserter.Begin(_transaction);
            _run.Transaction = _transaction;
            if (!_preparedDone)
            {
                _run.Prepare();
                _preparedDone = true;
            }
        }
        var end = Math.Min(chunk.Rows.Count, offset + count);
        for (var i = offset; i < end; i++)
        {
            ct.ThrowIfCancellationRequested();
            var q = chunk.Rows[i];
            _pendingImported += await _inserter.InsertAsync(q, ct);
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
        _run.Transaction = null;
        PendingRows = 0;
        _pendingImported = 0;
    }

    /// <summary>Rolls back an uncommitted batch: a crash or cancel leaves whole batches only.</summary>
    public async ValueTask DisposeAsync()
    {
        await EndTransactionAsync();
        await _inserter.DisposeAsync();
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
}
