using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>Intent names for the labels of evaluation tables and charts, which report intents by key.</summary>
public sealed class IntentNameReader(PuoDbContext db)
{
    /// <summary>English name by intent key (the key itself when the intent has no English name).</summary>
    public async Task<IReadOnlyDictionary<string, string>> EnglishNamesAsync(CancellationToken ct = default)
    {
        var rows = await db.Intents.AsNoTracking().Select(i => new { i.Key, i.Names }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Names.GetValueOrDefault("en") ?? r.Key, StringComparer.Ordinal);
    }
}
