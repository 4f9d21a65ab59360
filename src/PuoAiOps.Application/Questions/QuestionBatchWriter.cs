using System.Data;
using System.Data.Common;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Writes batches of prepared questions with one prepared INSERT per row inside one transaction per
/// batch. Duplicates are left to the unique index on "TextHash" (<c>ON CONFLICT DO NOTHING</c>, valid
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
    private bool _preparedDone;

    public QuestionBatchWriter(DbConnection connection, DatabaseProvider provider, long runId, DateTime importedAt)
    {
        _connection = connection;
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

    /// <summary>Called after each row of a batch is written (before commit); lets tests simulate a crash mid-batch.</summary>
    internal Action<int>? AfterRow { get; set; }

    public async Task<(int Imported, int Duplicates)> WriteAsync(QuestionBatch batch, CancellationToken ct)
    {
        await using var tx = await _connection.BeginTransactionAsync(ct);
        _insert.Transaction = tx;
        _run.Transaction = tx;
        if (!_preparedDone)
        {
            _insert.Prepare();
            _run.Prepare();
            _preparedDone = true;
        }
        var imported = 0;
        var rows = batch.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var q = rows[i];
            _p[0].Value = (object?)q.ExternalId ?? DBNull.Value;
            _p[1].Value = q.Text;
            _p[2].Value = q.TextHash;
            _p[3].Value = (object?)q.UserRef ?? DBNull.Value;
            _p[4].Value = (object?)q.Channel ?? DBNull.Value;
            _p[5].Value = (object?)q.Locale ?? DBNull.Value;
            _p[6].Value = (object?)q.Source ?? DBNull.Value;
            _p[7].Value = q.CreatedAt;
            imported += await _insert.ExecuteNonQueryAsync(ct);
            AfterRow?.Invoke(i);
        }
        var duplicates = rows.Count - imported;
        _runImported.Value = imported;
        _runDuplicates.Value = duplicates;
        _runRejected.Value = checked((int)batch.RejectedSoFar);
        await _run.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return (imported, duplicates);
    }

    public async ValueTask DisposeAsync()
    {
        _insert.Transaction = null;
        _run.Transaction = null;
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
