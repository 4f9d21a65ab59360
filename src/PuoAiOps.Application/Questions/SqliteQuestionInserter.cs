using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The SQLite fast path: the same INSERT as <see cref="DbCommandQuestionInserter"/>, run on the
/// connection's native handle with values bound as UTF-8 from one reused buffer. Skips the
/// provider's per-execution objects and per-value string conversions, which on a million rows
/// cost as much CPU as SQLite's own B-tree work. Runs inside the transaction opened through ADO.NET.
/// </summary>
internal sealed class SqliteQuestionInserter : IQuestionInserter
{
    private const int Done = 101; // SQLITE_DONE
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF"; // what EF Core's SQLite provider writes

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _buffer = new byte[4096];

    public SqliteQuestionInserter(SqliteConnection connection, long runId, DateTime importedAt)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
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

    public ValueTask<int> InsertAsync(PreparedQuestion q, CancellationToken ct)
    {
        BindText(1, q.ExternalId);
        BindText(2, q.Text);
        BindText(3, q.TextHash);
        BindText(4, q.UserRef);
        BindText(5, q.Channel);
        BindText(6, q.Locale);
        BindText(7, q.Source);
        BindDate(8, q.CreatedAt);
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != Done) Check(rc);
        return ValueTask.FromResult(raw.sqlite3_changes(_db));
    }

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }

    private void BindText(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _buffer.Length) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _buffer);
        // The span overload binds with SQLITE_TRANSIENT: SQLite copies, so the buffer is free again at once.
        Check(raw.sqlite3_bind_text(_statement, index, _buffer.AsSpan(0, length)));
    }

    private void BindDate(int index, DateTime value)
    {
        Span<byte> utf8 = stackalloc byte[32];
        value.TryFormat(utf8, out var length, DateFormat, System.Globalization.CultureInfo.InvariantCulture);
        Check(raw.sqlite3_bind_text(_statement, index, utf8[..length]));
    }

    private void Check(int rc)
    {
        if (rc != 0) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
