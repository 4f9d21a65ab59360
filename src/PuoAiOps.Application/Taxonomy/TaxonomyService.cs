using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy;

/// <summary>Reads of the taxonomy: the domain tree, one intent with its usage, the published versions.</summary>
public sealed partial class TaxonomyService(PuoDbContext db)
{
    /// <summary>
    /// Domains (by sort order) with their intents (by key). The taxonomy is hundreds of rows, and
    /// names are JSON per locale, so the search runs in memory over every locale's name.
    /// </summary>
    public async Task<IReadOnlyList<DomainView>> ListAsync(TaxonomyQuery? query = null, CancellationToken ct = default)
    {
        query ??= new TaxonomyQuery();
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Key).ToListAsync(ct);
        var intentQuery = db.Intents.AsNoTracking();
        if (query.Status is { } status) intentQuery = intentQuery.Where(i => i.Status == status);
        var intents = await intentQuery.ToListAsync(ct);

        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
            intents = intents.Where(i => Matches(i, search)).ToList();

        var byDomain = intents.ToLookup(i => i.DomainId);
        var filtering = query.Status is not null || !string.IsNullOrEmpty(search);
        return domains
            .Select(d => new DomainView(d.Id, d.Key, d.Names, d.Description, d.SortOrder,
                byDomain[d.Id].OrderBy(i => i.Key, StringComparer.Ordinal)
                    .Select(i => new IntentSummary(i.Id, i.Key, i.Names, i.Status, i.GuideRef, i.ReplacedById)).ToList()))
            // While filtering, a domain with no match is noise; unfiltered, an empty domain is information.
            .Where(d => !filtering || d.Intents.Count > 0)
            .ToList();
    }

    public async Task<IntentDetails> GetIntentAsync(int id, CancellationToken ct = default)
    {
        var intent = await db.Intents.AsNoTracking().Include(i => i.Domain).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException(CodedMessage.Of(TaxonomyRefusal.IntentMissing, id));
        return await DetailsAsync(intent, ct);
    }

    public async Task<IntentDetails> GetIntentByKeyAsync(string key, CancellationToken ct = default)
    {
        var intent = await db.Intents.AsNoTracking().Include(i => i.Domain).SingleOrDefaultAsync(i => i.Key == key, ct)
            ?? throw new NotFoundException(CodedMessage.Of(TaxonomyRefusal.IntentKeyMissing, key));
        return await DetailsAsync(intent, ct);
    }

    public async Task<IReadOnlyList<VersionSummary>> ListVersionsAsync(CancellationToken ct = default)
    {
        var rows = await (from v in db.TaxonomyVersions.AsNoTracking()
                          join u in db.Users on v.PublishedById equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          orderby v.Number descending
                          select new { v.Id, v.Number, v.Note, v.PublishedById, Name = u == null ? null : u.DisplayName, v.PublishedAt })
            .ToListAsync(ct);
        return rows.Select(r => new VersionSummary(r.Id, r.Number, r.Note, r.PublishedById, r.Name, r.PublishedAt)).ToList();
    }

    public async Task<VersionDetails> GetVersionAsync(int number, CancellationToken ct = default)
    {
        var v = await db.TaxonomyVersions.AsNoTracking().SingleOrDefaultAsync(x => x.Number == number, ct)
            ?? throw new NotFoundException(CodedMessage.Of(TaxonomyRefusal.VersionMissing, number));
        var name = v.PublishedById is null ? null
            : await db.Users.Where(u => u.Id == v.PublishedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new VersionDetails(new VersionSummary(v.Id, v.Number, v.Note, v.PublishedById, name, v.PublishedAt), v.Snapshot);
    }

    private async Task<IntentDetails> DetailsAsync(Intent intent, CancellationToken ct)
    {
        var id = intent.Id;
        var usage = await UsageAsync(id, ct);
        var scripts = await db.Scripts.AsNoTracking().Where(s => s.IntentId == id).OrderBy(s => s.Locale)
            .Select(s => new ScriptRef(s.Id, s.Locale, s.Title, s.PublishedVersionId != null)).ToListAsync(ct);
        var replacedByKey = intent.ReplacedById is { } r
            ? await db.Intents.Where(i => i.Id == r).Select(i => i.Key).FirstOrDefaultAsync(ct)
            : null;
        var pending = await PendingChangesMentioningAsync(intent, ct);
        return new IntentDetails(intent.Id, intent.DomainId, intent.Domain?.Key ?? "", intent.Key, intent.Names,
            intent.Description, intent.IncludeCriteria, intent.ExcludeCriteria, intent.Examples, intent.Status,
            intent.GuideRef, intent.ReplacedById, replacedByKey, intent.UpdatedAt, intent.Version, usage, scripts, pending);
    }

    public async Task<IntentUsage> UsageAsync(int id, CancellationToken ct = default)
    {
        var refs = await Changes.ReferenceCounter.CountAsync(db, id, ct);
        return new IntentUsage(refs.Labels, refs.FinalLabels, refs.Predictions, refs.GoldItems, refs.Adjudications,
            Scripts: await db.Scripts.CountAsync(s => s.IntentId == id, ct), refs.Conversations);
    }

    /// <summary>Pending proposals that touch this intent, so the page can warn before someone proposes a second one.</summary>
    private async Task<IReadOnlyList<long>> PendingChangesMentioningAsync(Intent intent, CancellationToken ct)
    {
        var pending = await db.TaxonomyChanges.AsNoTracking().Where(c => c.Status == ReviewStatus.Pending)
            .Select(c => new { c.Id, c.Kind, c.Payload }).ToListAsync(ct);
        return pending
            .Where(c => Changes.ChangeTargets.Of(Changes.PayloadJson.Deserialize(c.Kind, c.Payload)).Mentions(intent.Id, intent.Key))
            .Select(c => c.Id).ToList();
    }

    private static bool Matches(Intent intent, string search) =>
        intent.Key.Contains(search, StringComparison.OrdinalIgnoreCase)
        || intent.Names.Values.Any(n => n.Contains(search, StringComparison.OrdinalIgnoreCase));
}
