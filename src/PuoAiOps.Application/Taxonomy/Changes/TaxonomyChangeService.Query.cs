using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>One page of proposals, newest first, and how many there are in all.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeView> Items, int Total);

public sealed partial class TaxonomyChangeService
{
    public const int MaxPageSize = 200;

    public async Task<ChangePage> QueryAsync(ReviewStatus? status, int skip, int take, CancellationToken ct = default)
    {
        var query = db.TaxonomyChanges.AsNoTracking();
        if (status is { } s) query = query.Where(c => c.Status == s);
        var total = await query.CountAsync(ct);
        var changes = await query.OrderByDescending(c => c.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(ct);
        return new ChangePage(await ViewsAsync(changes, ct), total);
    }
}
