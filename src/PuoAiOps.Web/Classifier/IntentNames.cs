using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Web.Classifier;

/// <summary>English intent names by key, for labels on tables and charts ("oos" reads "Out of scope").</summary>
public sealed class IntentNames(IReadOnlyDictionary<string, string> names)
{
    public const string OutOfScope = "oos";

    public string this[string key] => key == OutOfScope ? "Out of scope" : names.GetValueOrDefault(key) ?? key;

    public static async Task<IntentNames> LoadAsync(PuoDbContext db, CancellationToken ct)
    {
        var rows = await db.Intents.AsNoTracking().Select(i => new { i.Key, i.Names }).ToListAsync(ct);
        return new IntentNames(rows.ToDictionary(r => r.Key, r => r.Names.GetValueOrDefault("en") ?? r.Key, StringComparer.Ordinal));
    }
}
