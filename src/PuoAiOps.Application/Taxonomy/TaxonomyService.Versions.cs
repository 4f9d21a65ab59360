using Microsoft.EntityFrameworkCore;

namespace PuoAiOps.Application.Taxonomy;

public sealed partial class TaxonomyService
{
    public const int MaxVersionPageSize = 200;

    /// <summary>
    /// One page of the published versions: every approval publishes one, so a busy workspace has
    /// thousands. Snapshots are not read (they are the whole taxonomy each).
    /// </summary>
    public async Task<VersionPage> ListVersionsAsync(int skip, int take, bool oldestFirst = false, CancellationToken ct = default)
    {
        var total = await db.TaxonomyVersions.CountAsync(ct);
        var versions = oldestFirst
            ? db.TaxonomyVersions.AsNoTracking().OrderBy(v => v.Number)
            : db.TaxonomyVersions.AsNoTracking().OrderByDescending(v => v.Number);
        var rows = await (from v in versions.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxVersionPageSize))
                          join u in db.Users on v.PublishedById equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          select new { v.Id, v.Number, v.Note, v.NoteCode, v.NoteArgs, v.PublishedById, Name = u == null ? null : u.DisplayName, v.PublishedAt })
            .ToListAsync(ct);
        var items = rows.Select(r => new VersionSummary(r.Id, r.Number, r.Note, r.PublishedById, r.Name, r.PublishedAt, Changes.ChangeSummaries.Read(r.NoteCode, r.NoteArgs)));
        return new VersionPage((oldestFirst ? items.OrderBy(v => v.Number) : items.OrderByDescending(v => v.Number)).ToList(), total);
    }

    /// <summary>The number of the newest published version, or null before the first approval.</summary>
    public Task<int?> CurrentVersionNumberAsync(CancellationToken ct = default) =>
        db.TaxonomyVersions.MaxAsync(v => (int?)v.Number, ct);
}
