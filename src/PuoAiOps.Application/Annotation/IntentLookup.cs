using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Annotation;

/// <summary>Intent ids resolved to <see cref="IntentRef"/> in one query; unknown ids fall back to their number.</summary>
internal sealed class IntentLookup(Dictionary<int, IntentRef> intents)
{
    public static async Task<IntentLookup> LoadAsync(PuoDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await db.Intents.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Key, i.Names }).ToListAsync(ct);
        return new IntentLookup(rows.ToDictionary(r => r.Id, r => new IntentRef(r.Id, r.Key, r.Names)));
    }

    public IntentRef Of(int? intentId, bool outOfScope) =>
        outOfScope || intentId is null ? IntentRef.OutOfScope
        : intents.TryGetValue(intentId.Value, out var intent) ? intent
        : new IntentRef(intentId, $"intent-{intentId}", new Dictionary<string, string>());

    /// <summary>By the single-number label key of <see cref="LabelValue"/>.</summary>
    public IntentRef OfKey(int key) => key == LabelValue.OutOfScopeKey ? IntentRef.OutOfScope : Of(key, false);
}
