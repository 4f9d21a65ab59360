using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Yaml;

namespace PuoAiOps.Application.Taxonomy;

/// <summary>
/// Publishes the taxonomy as it stands inside the caller's transaction as version N+1 with a YAML
/// snapshot. Two approvals racing for the same number collide on the unique index on Number; the
/// loser's transaction fails and rolls back whole (reported as a conflict by the caller).
/// </summary>
internal static class VersionPublisher
{
    public static async Task<TaxonomyVersion> PublishAsync(PuoDbContext db, string? publishedById, string? note, CancellationToken ct)
    {
        var last = await db.TaxonomyVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0;
        var snapshot = TaxonomyYamlWriter.Write(await TaxonomySnapshot.LoadAsync(db, ct));
        var version = new TaxonomyVersion
        {
            Number = last + 1,
            Snapshot = snapshot,
            Note = note,
            PublishedById = publishedById,
            PublishedAt = DateTime.UtcNow,
        };
        db.TaxonomyVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }
}
