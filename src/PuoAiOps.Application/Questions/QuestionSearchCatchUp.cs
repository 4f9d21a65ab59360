using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// SQLite: indexes for search the questions an import stored above the watermark (<see cref="QuestionSearchLag"/>),
/// a chunk of <see cref="ImportOptions.BatchSize"/> rows per transaction, one INSERT … SELECT per index, and moves the
/// watermark; the last chunk removes it and the triggers take over again. The import itself writes only the rows, so
/// the ~47 s per million rows the two indexes cost the single writer no longer set the import's pace; searches stay
/// exact meanwhile (<see cref="IndexedSearch"/> scans the questions above the watermark). Called by `puo import
/// questions` after the import, and by <see cref="QuestionSearchCatchUpService"/> in the console. Safe to run
/// concurrently with imports and with itself (each chunk is one write transaction); a stopped run resumes where the
/// watermark stands. Nothing to do on PostgreSQL.
/// </summary>
public sealed class QuestionSearchCatchUp(PuoDbContext db, IOptions<ImportOptions> options, ILogger<QuestionSearchCatchUp>? logger = null)
{
    private const string ChunkSql = """SELECT max("Id"), count(*) FROM (SELECT "Id" FROM "Questions" WHERE "Id" > @after ORDER BY "Id" LIMIT @rows)""";

    private static readonly string IndexSql = $"""
        INSERT INTO "QuestionSearch" (rowid, "Text") SELECT "Id", lower("Text") FROM "Questions" WHERE "Id" > @after AND "Id" <= @upTo;
        INSERT INTO "QuestionGrams" (rowid, "Grams") SELECT "Id", {QuestionGramText.SqlFunction}("Text") FROM "Questions" WHERE "Id" > @after AND "Id" <= @upTo;
        UPDATE "QuestionSearchLag" SET "IndexedUpTo" = @upTo;
        DELETE FROM "QuestionSearchLag" WHERE NOT EXISTS (SELECT 1 FROM "Questions" WHERE "Id" > @upTo);
        """;

    private readonly ILogger _logger = logger ?? NullLogger<QuestionSearchCatchUp>.Instance;

    /// <summary>Test hook: stop after this many chunks (a catch-up interrupted part-way).</summary>
    internal int? MaxChunks { get; init; }

    /// <summary>True while some questions wait to be indexed (their searches scan them meanwhile).</summary>
    public async Task<bool> IsBehindAsync(CancellationToken ct = default) => await QuestionSearchLag.ReadAsync(db, ct) is not null;

    /// <summary>Indexes every question above the watermark; reports the running count after each chunk.</summary>
    public async Task<SearchCatchUpResult> RunAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite()) return new SearchCatchUpResult(0, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        long indexed = 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            // Only this connection knows the function; the triggers build the same grams in plain SQL.
            connection.CreateFunction<string?, string?>(QuestionGramText.SqlFunction, QuestionGramText.Document, isDeterministic: true);
            await using var tuning = await SqliteImportTuning.ApplyAsync(connection, DatabaseProvider.Sqlite, options.Value.SqliteCacheMegabytes, ct);
            for (var chunks = 0; chunks < (MaxChunks ?? int.MaxValue); chunks++)
            {
                // Nothing waits (the usual case at start and after a small edit): no write lock taken. A watermark set
                // after this read is seen by the next signal's run; the chunk re-reads it under the lock.
                if (await QuestionSearchLag.ReadAsync(connection, null, ct) is null) break;
                int? rows;
                using (await SqliteWriteGate.EnterAsync(db, ct))
                    rows = await IndexChunkAsync(connection, options.Value.BatchSize, ct);
                if (rows is null) break;
                // The import connection's tuning leaves checkpoints to the caller (no write lock needed).
                tuning.CheckpointIfDue();
                indexed += rows.Value;
                progress?.Report(indexed);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (indexed > 0) ImportLog.SearchCaughtUp(_logger, indexed, clock.ElapsedMilliseconds);
        return new SearchCatchUpResult(indexed, clock.Elapsed);
    }

    /// <summary>One write transaction: indexes the next chunk above the watermark; null when nothing waits.</summary>
    private static async Task<int?> IndexChunkAsync(SqliteConnection connection, int chunkRows, CancellationToken ct)
    {
        // BEGIN IMMEDIATE (the provider's default): the watermark read and moved under the write lock.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        if (await QuestionSearchLag.ReadAsync(connection, transaction, ct) is not { } after) return null;
        long upTo;
        int rows;
        await using (var chunk = Command(connection, transaction, ChunkSql, ("@after", after), ("@rows", chunkRows)))
        await using (var reader = await chunk.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            rows = reader.GetInt32(1);
            upTo = rows == 0 ? after : reader.GetInt64(0);
        }
        await using (var index = Command(connection, transaction, IndexSql, ("@after", after), ("@upTo", upTo)))
            await index.ExecuteNonQueryAsync(ct);
        // With nothing above the watermark (those rows were deleted) this only removes it; the next call returns null.
        await transaction.CommitAsync(ct);
        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, long Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}

/// <summary>Questions indexed by one catch-up and how long it took.</summary>
public sealed record SearchCatchUpResult(long Indexed, TimeSpan Elapsed);
