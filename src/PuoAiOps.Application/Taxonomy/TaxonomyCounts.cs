using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy;

/// <summary>The small counts the taxonomy pages show in their tabs and banners.</summary>
public sealed class TaxonomyCounts(PuoDbContext db)
{
    /// <summary>Proposals waiting for a reviewer (the badge on the Proposals tab).</summary>
    public Task<int> PendingProposalsAsync(CancellationToken ct = default) =>
        db.TaxonomyChanges.CountAsync(c => c.Status == ReviewStatus.Pending, ct);

    public Task<int> IntentsAsync(CancellationToken ct = default) => db.Intents.CountAsync(ct);

    /// <summary>Intents per status; a status no intent has is missing from the dictionary.</summary>
    public async Task<IReadOnlyDictionary<IntentStatus, int>> IntentsByStatusAsync(CancellationToken ct = default) =>
        await db.Intents.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
