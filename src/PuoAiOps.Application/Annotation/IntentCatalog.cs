using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

using PuoAiOps.Application.Taxonomy;

namespace PuoAiOps.Application.Annotation;

/// <summary>An intent as the picker lists it: names in both locales, its domain, and the text it is searched by.</summary>
public sealed record PickerIntent(int Id, string Key, string Name, string? ChineseName, string Domain, bool IsDraft, string SearchText);

/// <summary>What the guide panel shows about an intent when its guide section is missing, and where its guide is.</summary>
public sealed record IntentGuideInfo(int Id, string Key, string Name, string? ChineseName, string Domain, IntentStatus Status,
    string Description, string IncludeCriteria, string ExcludeCriteria, IReadOnlyList<string> Examples, string? GuideRef);

/// <summary>
/// Read-only intent lists for the labeling and adjudication pages, one query each. The taxonomy is
/// a few hundred rows, so the whole active list goes to the page and is filtered there as the person types.
/// </summary>
public sealed class IntentCatalog(PuoDbContext db)
{
    /// <summary>Active and draft intents (both may be labeled), by domain order then English name.</summary>
    public async Task<IReadOnlyList<PickerIntent>> PickerAsync(CancellationToken ct)
    {
        var rows = await db.Intents.AsNoTracking()
            .Where(i => i.Status != IntentStatus.Deprecated)
            .Select(i => new { i.Id, i.Key, i.Names, i.Description, i.Status, DomainNames = i.Domain!.Names, DomainKey = i.Domain.Key, i.Domain.SortOrder })
            .ToListAsync(ct);
        return rows
            .Select(r =>
            {
                var name = Name(r.Names, r.Key);
                var chinese = r.Names.GetValueOrDefault("zh-CN");
                var domain = Name(r.DomainNames, r.DomainKey);
                var search = IntentRanking.SearchText(r.Key, [name, chinese], [domain], r.Description);
                return (r.SortOrder, Intent: new PickerIntent(r.Id, r.Key, name, chinese, domain, r.Status == IntentStatus.Draft, search));
            })
            .OrderBy(x => x.SortOrder).ThenBy(x => x.Intent.Domain, StringComparer.Ordinal).ThenBy(x => x.Intent.Name, StringComparer.OrdinalIgnoreCase)
            .Select(x => x.Intent)
            .ToList();
    }

    public async Task<IntentGuideInfo?> GuideInfoAsync(int intentId, CancellationToken ct)
    {
        var row = await db.Intents.AsNoTracking().Where(i => i.Id == intentId)
            .Select(i => new { i.Id, i.Key, i.Names, i.Status, i.Description, i.IncludeCriteria, i.ExcludeCriteria, i.Examples, i.GuideRef,
                DomainNames = i.Domain!.Names, DomainKey = i.Domain.Key })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new IntentGuideInfo(row.Id, row.Key, Name(row.Names, row.Key), row.Names.GetValueOrDefault("zh-CN"),
            Name(row.DomainNames, row.DomainKey), row.Status, row.Description, row.IncludeCriteria, row.ExcludeCriteria, row.Examples, row.GuideRef);
    }

    private static string Name(IReadOnlyDictionary<string, string> names, string key) =>
        names.GetValueOrDefault("en") ?? names.Values.FirstOrDefault() ?? key;
}
