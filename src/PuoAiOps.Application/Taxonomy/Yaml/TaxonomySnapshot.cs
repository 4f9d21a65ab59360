using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Taxonomy.Yaml;

/// <summary>The current taxonomy as a document: domains by sort order then key, intents by key, so exports diff cleanly.</summary>
internal static class TaxonomySnapshot
{
    public static async Task<TaxonomyDocument> LoadAsync(PuoDbContext db, CancellationToken ct)
    {
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Key).ToListAsync(ct);
        var intents = await db.Intents.AsNoTracking().ToListAsync(ct);
        var keys = intents.ToDictionary(i => i.Id, i => i.Key);
        var byDomain = intents.ToLookup(i => i.DomainId);
        return new TaxonomyDocument(domains.Select(d => new DomainDocument
        {
            Key = d.Key,
            Names = d.Names,
            Description = d.Description,
            SortOrder = d.SortOrder,
            Intents = byDomain[d.Id].OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new IntentDocument
            {
                Key = i.Key,
                Status = i.Status,
                Names = i.Names,
                Description = i.Description,
                IncludeCriteria = i.IncludeCriteria,
                ExcludeCriteria = i.ExcludeCriteria,
                Examples = i.Examples,
                GuideRef = i.GuideRef,
                ReplacedBy = i.ReplacedById is { } r ? keys.GetValueOrDefault(r) : null,
            }).ToList(),
        }).ToList());
    }
}
