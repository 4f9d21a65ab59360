using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The SQLite search indexes' watermark (migration 0018, "QuestionSearchLag"): while an import's rows wait for
/// <see cref="QuestionSearchCatchUp"/>, every question up to the watermark is in both indexes and none above it is.
/// No row: the indexes hold every question. PostgreSQL maintains its indexes itself and never lags.
/// </summary>
internal static class QuestionSearchLag
{
    /// <summary>
    /// Run by an import's batch inside its transaction, before its rows: the first batch since the indexes were last
    /// complete sets the watermark to the highest id so far; the insert triggers then leave every new row alone.
    /// </summary>
    public const string HoldSql =
        """INSERT OR IGNORE INTO "QuestionSearchLag" ("Id", "IndexedUpTo") SELECT 1, coalesce(max("Id"), 0) FROM "Questions";""";

    /// <summary>The watermark, or null when the indexes hold every question (always null on PostgreSQL).</summary>
    public static async Task<long?> ReadAsync(PuoDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        var values = await db.Database.SqlQueryRaw<long>("""SELECT "IndexedUpTo" AS "Value" FROM "QuestionSearchLag" """).ToListAsync(ct);
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>The watermark read on an open connection (inside the caller's transaction, if any), or null.</summary>
    public static async Task<long?> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """SELECT "IndexedUpTo" FROM "QuestionSearchLag" """;
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
