using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Yaml;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy;

/// <summary>
/// Publishes the taxonomy as it stands inside the caller's transaction as version N+1 with a YAML
/// snapshot. Two approvals racing for the same number collide on the unique index on Number; the
/// loser's transaction fails and rolls back whole (reported as a conflict by the caller).
/// </summary>
internal static class VersionPublisher
{
    /// <param name="note">The reviewer's note as written, or the English of a generated one.</param>
    /// <param name="noteCode">A generated note as a code (the console words it); null for a reviewer's note.</param>
    public static async Task<TaxonomyVersion> PublishAsync(PuoDbContext db, string? publishedById, string? note, CodedMessage? noteCode, CancellationToken ct)
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
        if (noteCode is not null) (version.NoteCode, version.NoteArgs) = CodedMessageJson.Write(noteCode);
        db.TaxonomyVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }
}
