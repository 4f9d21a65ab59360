using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>Intent names for the labels of evaluation tables and charts, which report intents by key.</summary>
public sealed class IntentNameReader(PuoDbContext db)
{
    /// <summary>Name by intent key in <paramref name="locale"/>, else English, else the key: what a page in that language shows.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(string locale, CancellationToken ct = default)
    {
        var rows = await db.Intents.AsNoTracking().Select(i => new { i.Key, i.Names }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key,
            r => r.Names.GetValueOrDefault(locale) is { Length: > 0 } own ? own : r.Names.GetValueOrDefault("en") ?? r.Key, StringComparer.Ordinal);
    }
}
