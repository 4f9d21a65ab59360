using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Inserts a batch's items with multi-row INSERT statements. Through the change tracker SQLite gets one
/// command per row (each with RETURNING), which turns a 100,000-question batch into minutes; here it is
/// a few hundred statements. Parameters go through EF's type mappings, so values are stored exactly as
/// EF stores them on either provider.
/// </summary>
internal static class ItemBulkInsert
{
    private const int RowsPerStatement = 500;

    public static async Task InsertAsync(PuoDbContext db, long batchId, IReadOnlyList<AnnotationItem> items, CancellationToken ct)
    {
        // Every row may start with the same version: the token only has to change when a row changes.
        var version = Guid.NewGuid();
        var open = ItemStatus.Open.ToString();
        for (var start = 0; start < items.Count; start += RowsPerStatement)
        {
            var chunk = items.Skip(start).Take(RowsPerStatement).ToList();
            var sql = new StringBuilder("INSERT INTO \"Items\" (\"BatchId\", \"QuestionId\", \"IsGold\", \"GoldIntentId\", \"GoldOutOfScope\", \"Priority\", \"LabelCount\", \"Status\", \"Version\") VALUES ");
            var args = new List<object> { batchId, open, version, 0 };
            for (var i = 0; i < chunk.Count; i++)
            {
                var item = chunk[i];
                if (i > 0) sql.Append(", ");
                // A typed parameter cannot be built from null, and NULL needs none.
                var gold = item.GoldIntentId is { } goldIntent ? Parameter(args, goldIntent) : "NULL";
                sql.Append(CultureInfo.InvariantCulture,
                    $"({{0}}, {Parameter(args, item.QuestionId)}, {Parameter(args, item.IsGold)}, {gold}, {Parameter(args, item.GoldOutOfScope)}, {Parameter(args, item.Priority)}, {{3}}, {{1}}, {{2}})");
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    /// <summary>Adds a value and returns its <c>{n}</c> placeholder.</summary>
    private static string Parameter(List<object> args, object value)
    {
        args.Add(value);
        return "{" + (args.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }
}
