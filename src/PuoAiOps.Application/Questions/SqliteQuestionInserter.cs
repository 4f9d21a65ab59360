using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The SQLite fast path: the same INSERT as <see cref="DbCommandQuestionInserter"/>, run on the
/// connection's native handle with the batch's UTF-8 bytes bound as they are. Skips the provider's
/// per-execution objects and per-value string conversions, which on a million rows cost a good
/// part of what SQLite's own B-tree work costs. Runs inside the transaction opened through ADO.NET.
/// <para>
/// While it exists, the connection runs with triggers off (SQLITE_DBCONFIG_ENABLE_TRIGGER, this connection only, back on
/// at dispose). Every row an import writes lands above the search watermark its batch holds (ids only grow), where the
/// insert triggers of the search indexes do nothing; but a statement that may fire a trigger still runs the trigger's
/// program for each row and, since the trigger writes to a virtual table, opens a statement transaction that copies every
/// page the row changes (table and indexes, about ten) into a statement journal first. At a million rows that was about a
/// third of the writer's CPU for no effect. The portable path keeps the triggers and is tested to store the same rows.
/// </para>
/// </summary>
internal sealed class SqliteQuestionInserter : IQuestionInserter
{
    private const int Done = 101; // SQLITE_DONE

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteQuestionInserter(SqliteConnection connection, long runId, DateTime importedAt)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        // Before the statement is prepared: SQLite decides at prepare time whether it codes the triggers.
        SetTriggers(enabled: false);
        var sql = DbCommandQuestionInserter.Sql
            .Replace("@externalId", "?1", StringComparison.Ordinal).Replace("@textHash", "?3", StringComparison.Ordinal)
            .Replace("@text", "?2", StringComparison.Ordinal).Replace("@userRef", "?4", StringComparison.Ordinal)
            .Replace("@channel", "?5", StringComparison.Ordinal).Replace("@locale", "?6", StringComparison.Ordinal)
            .Replace("@source", "?7", StringComparison.Ordinal).Replace("@createdAt", "?8", StringComparison.Ordinal)
            .Replace("@importedAt", "?9", StringComparison.Ordinal).Replace("@runId", "?10", StringComparison.Ordinal);
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        BindDate(9, importedAt);
        Check(raw.sqlite3_bind_int64(_statement, 10, runId));
    }

    public void Begin(DbTransaction transaction)
    {
        // BEGIN was issued on this same connection; the statement runs inside it.
    }

    public ValueTask<int> InsertAsync(PackedBatch batch, int row, CancellationToken ct)
    {
        for (var field = PackedBatch.ExternalId; field <= PackedBatch.CreatedAt; field++)
        {
            // Parameters ?1..?8 follow the batch's field order; the bytes are UTF-8 already.
            Check(batch.IsNull(row, field)
                ? raw.sqlite3_bind_null(_statement, field + 1)
                : raw.sqlite3_bind_text(_statement, field + 1, batch.Field(row, field)));
        }
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != Done) Check(rc);
        return ValueTask.FromResult(raw.sqlite3_changes(_db));
    }

    public ValueTask<int> FlushAsync(CancellationToken ct) => ValueTask.FromResult(0);

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        SetTriggers(enabled: true);
        return ValueTask.CompletedTask;
    }

    private void SetTriggers(bool enabled) =>
        Check(raw.sqlite3_db_config(_db, raw.SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled ? 1 : 0, out _));

    private void BindDate(int index, DateTime value)
    {
        Span<byte> utf8 = stackalloc byte[32];
        value.TryFormat(utf8, out var length, PackedBatch.SqliteDateFormat, System.Globalization.CultureInfo.InvariantCulture);
        Check(raw.sqlite3_bind_text(_statement, index, utf8[..length]));
    }

    private void Check(int rc)
    {
        if (rc != 0) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
