using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Writes each batch in one transaction. Duplicates are left to the unique index on "TextHash"
/// (<c>ON CONFLICT DO NOTHING</c>): the affected-row count tells an insert from a duplicate. The run's
/// counters are updated in the same transaction, so the run row always matches the committed rows. On SQLite the
/// batch first holds the search watermark (<see cref="QuestionSearchLag"/>), so the triggers leave its rows alone: they
/// are indexed after the import by <see cref="QuestionSearchCatchUp"/>, and searched by a scan until then.
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
    private readonly DbCommand? _holdSearch;
    private bool _prepared;

    /// <param name="portable">Use the one-command-per-row ADO.NET path whatever the provider (tests keep that path honest).</param>
    public QuestionBatchWriter(DbConnection connection, DatabaseProvider provider, long runId, DateTime importedAt, bool portable = false)
    {
        _connection = connection;
        _inserter = provider == DatabaseProvider.Sqlite && !portable && connection is SqliteConnection sqlite
            ? new SqliteQuestionInserter(sqlite, runId, importedAt)
            : connection.CanCreateBatch && !portable
                ? new DbBatchQuestionInserter(connection, provider, runId, importedAt)
                : new DbCommandQuestionInserter(connection, provider, runId, importedAt);
        if (provider == DatabaseProvider.Sqlite)
        {
            _holdSearch = connection.CreateCommand();
            _holdSearch.CommandText = QuestionSearchLag.HoldSql;
        }
        _run = connection.CreateCommand();
        _run.CommandText = RunSql;
        _runImported = Add(_run, "@imported", DbType.Int32);
        _runDuplicates = Add(_run, "@duplicates", DbType.Int32);
        _runRejected = Add(_run, "@rejected", DbType.Int32);
        Add(_run, "@runId", DbType.Int64).Value = runId;
    }

    /// <summary>Called after each row is written (before commit); lets tests simulate a crash mid-batch.</summary>
    internal Action<int>? AfterRow { get; set; }

    /// <summary>Writes the batch in its sealed order and commits; returns what it added. An interruption rolls the whole batch back.</summary>
    public async Task<BatchWritten> WriteAsync(PackedBatch batch, CancellationToken ct)
    {
        var inserting = StageMark.Start();
        await using var transaction = await _connection.BeginTransactionAsync(ct);
        try
        {
            _inserter.Begin(transaction);
            _run.Transaction = transaction;
            if (!_prepared)
            {
                _run.Prepare();
                _prepared = true;
            }
            if (_holdSearch is not null)
            {
                _holdSearch.Transaction = transaction;
                await _holdSearch.ExecuteNonQueryAsync(ct);
            }
            var imported = 0;
            for (var position = 0; position < batch.Count; position++)
            {
                ct.ThrowIfCancellationRequested();
                imported += await _inserter.InsertAsync(batch, batch.RowAt(position), ct);
                AfterRow?.Invoke(position);
            }
            imported += await _inserter.FlushAsync(ct);
            var duplicates = batch.Count - imported;
            _runImported.Value = imported;
            _runDuplicates.Value = duplicates;
            _runRejected.Value = checked((int)batch.RejectedSoFar);
            await _run.ExecuteNonQueryAsync(ct);
            var insert = inserting.Stop();
            var committing = StageMark.Start();
            await transaction.CommitAsync(ct);
            return new BatchWritten(imported, duplicates, insert, committing.Stop());
        }
        finally
        {
            _run.Transaction = null;
            if (_holdSearch is not null) _holdSearch.Transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _inserter.DisposeAsync();
        await _run.DisposeAsync();
        if (_holdSearch is not null) await _holdSearch.DisposeAsync();
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

/// <summary>What one batch added, and how long its inserts and its commit took.</summary>
internal readonly record struct BatchWritten(int Imported, int Duplicates, ImportStage Insert, ImportStage Commit);
