using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// SQLite: the import's batch indexes its new questions for search in two statements instead of through the insert
/// triggers. A trigger inserts into FTS5 once per row, and FTS5 flushes its pending terms at every statement
/// boundary, so per-row indexing wrote a tiny segment per question and cost several times the import itself; one
/// INSERT … SELECT per index after the batch lets FTS5 build its lists in memory. Inside the batch's transaction a
/// row in "QuestionIndexPause" (migration 0016) turns the insert triggers off; it is removed before the commit, so
/// no other writer ever sees it, and a rolled-back batch leaves neither rows nor index entries.
/// PostgreSQL maintains its indexes itself: nothing to do there.
/// </summary>
internal sealed class QuestionSearchBulkIndex : IAsyncDisposable
{
    private const string PauseSql = """INSERT INTO "QuestionIndexPause" ("Id") VALUES (1); SELECT coalesce(max("Id"), 0) FROM "Questions";""";

    private static readonly string IndexSql = $"""
        INSERT INTO "QuestionSearch" (rowid, "Text") SELECT "Id", lower("Text") FROM "Questions" WHERE "Id" > @after;
        INSERT INTO "QuestionGrams" (rowid, "Grams") SELECT "Id", {QuestionGramText.SqlFunction}("Text") FROM "Questions" WHERE "Id" > @after;
        DELETE FROM "QuestionIndexPause";
        """;

    private readonly DbCommand _pause, _index;
    private readonly DbParameter _after;

    public QuestionSearchBulkIndex(SqliteConnection connection)
    {
        // Only this connection knows the function; the triggers build the same grams in plain SQL.
        connection.CreateFunction<string?, string?>(QuestionGramText.SqlFunction, QuestionGramText.Document, isDeterministic: true);
        _pause = connection.CreateCommand();
        _pause.CommandText = PauseSql;
        _index = connection.CreateCommand();
        _index.CommandText = IndexSql;
        _after = _index.CreateParameter();
        _after.ParameterName = "@after";
        _index.Parameters.Add(_after);
    }

    /// <summary>Turns the insert triggers off for this transaction; returns the highest question id before the batch.</summary>
    public async Task<long> PauseAsync(DbTransaction transaction, CancellationToken ct)
    {
        _pause.Transaction = transaction;
        return Convert.ToInt64(await _pause.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Indexes every question added after <paramref name="after"/> and turns the triggers back on.</summary>
    public async Task IndexAsync(DbTransaction transaction, long after, CancellationToken ct)
    {
        _index.Transaction = transaction;
        _after.Value = after;
        await _index.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _pause.DisposeAsync();
        await _index.DisposeAsync();
    }
}
