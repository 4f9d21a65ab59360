using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge.Documents;

/// <summary>
/// Archive (reversible: hidden from retrieval and the default list), restore, and delete (the
/// document, its revisions and chunks, and their index entries). The database changes first, in one
/// transaction with its audit entry; the indexes follow. If an index is down the change still
/// stands: search reads only chunks of live documents from the database, so a stale index entry is
/// never shown, and the result's warning says to run a reindex (which drops it).
/// </summary>
public sealed class DocumentLifecycle(PuoDbContext db, KnowledgeIndexes indexes, ILogger<DocumentLifecycle> logger)
{
    public async Task<DocumentChange> ArchiveAsync(long id, Actor actor, CancellationToken ct = default)
    {
        var (document, chunks) = await ChangeStatusAsync(id, DocumentStatus.Archived, actor, ct);
        var warning = await UpdateIndexesAsync(document, () => indexes.ApplyAsync([], chunks.Select(c => c.Id).ToList(), ct));
        return new DocumentChange(document.Id, document.Slug, document.Locale, DocumentChangeKind.Archived, warning);
    }

    public async Task<DocumentChange> RestoreAsync(long id, Actor actor, CancellationToken ct = default)
    {
        var (document, chunks) = await ChangeStatusAsync(id, DocumentStatus.Published, actor, ct);
        // Stored vectors go back as they are; a chunk without a current one gets it at the next reindex.
        var upserts = chunks.Select(c => (
            new ChunkRecord(c.Id, document.Locale, document.Domain, document.Intents, document.Title, c.Heading, c.Text, document.Id),
            c.Embedding is not null && c.EmbeddingModel == indexes.Model ? VectorBytes.ToFloats(c.Embedding) : null)).ToList();
        var warning = await UpdateIndexesAsync(document, () => indexes.ApplyAsync(upserts, [], ct));
        return new DocumentChange(document.Id, document.Slug, document.Locale, DocumentChangeKind.Restored, warning);
    }

    /// <summary>Deletes the document for good: its revisions and chunks go with it (cascade), then its index entries.</summary>
    public async Task<DocumentChange> DeleteAsync(long id, Actor actor, CancellationToken ct = default)
    {
        EnsureMayChange(actor);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoDocument, id));
        var chunkIds = await db.Chunks.Where(c => c.DocumentId == id).Select(c => c.Id).ToListAsync(ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.DocumentVersions.Where(v => v.DocumentId == id).ExecuteDeleteAsync(ct);
            await db.Chunks.Where(c => c.DocumentId == id).ExecuteDeleteAsync(ct);
            db.Documents.Remove(document);
            db.AuditLog.Add(Audit(actor, "knowledge.document-deleted", document, CodedMessage.Of(AuditDetail.DocumentDeleted, document.Slug, document.Locale, document.Revision, chunkIds.Count)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        KnowledgeLog.DocumentChanged(logger, id, document.Slug, "deleted", actor.DisplayName);
        var warning = await UpdateIndexesAsync(document, () => indexes.DeleteDocumentAsync(id, chunkIds, ct));
        return new DocumentChange(id, document.Slug, document.Locale, DocumentChangeKind.Deleted, warning);
    }

    /// <summary>A document by id, or by slug (and locale when the slug exists in several), as the command line names it.</summary>
    public async Task<long> FindAsync(string reference, string? locale, CancellationToken ct = default)
    {
        if (long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await db.Documents.AnyAsync(d => d.Id == id, ct)) return id;
        var matches = await db.Documents.AsNoTracking().Where(d => d.Slug == reference && (locale == null || d.Locale == locale))
            .Select(d => new { d.Id, d.Locale }).ToListAsync(ct);
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new NotFoundException(locale is null ? CodedMessage.Of(KnowledgeRefusal.NoDocumentNamed, reference) : CodedMessage.Of(KnowledgeRefusal.NoDocumentInLocale, reference, locale)),
            _ => throw new ValidationException("locale", CodedMessage.Of(KnowledgeRefusal.LocaleAmbiguous, reference, string.Join(", ", matches.Select(m => m.Locale).Order(StringComparer.Ordinal)))),
        };
    }

    private async Task<(SopDocument Document, List<SopChunk> Chunks)> ChangeStatusAsync(long id, DocumentStatus status, Actor actor, CancellationToken ct)
    {
        EnsureMayChange(actor);
        var document = await db.Documents.Include(d => d.Chunks).SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoDocument, id));
        var archiving = status == DocumentStatus.Archived;
        if ((document.Status == DocumentStatus.Archived) == archiving)
            throw new ConflictException(CodedMessage.Of(archiving ? KnowledgeRefusal.AlreadyArchived : KnowledgeRefusal.NotArchived, document.Slug, document.Locale));
        document.Status = status;
        document.Version = Guid.NewGuid();
        document.UpdatedAt = DateTime.UtcNow;
        document.UpdatedById = actor.UserId ?? document.UpdatedById;
        db.AuditLog.Add(Audit(actor, archiving ? "knowledge.document-archived" : "knowledge.document-restored", document, CodedMessage.Of(AuditDetail.Document, document.Slug, document.Locale)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(CodedMessage.Of(KnowledgeRefusal.ChangedMeanwhile, document.Slug, document.Locale));
        }
        KnowledgeLog.DocumentChanged(logger, id, document.Slug, archiving ? "archived" : "restored", actor.DisplayName);
        return (document, document.Chunks.OrderBy(c => c.Ordinal).ToList());
    }

    /// <summary>People need the Curator or Admin role; a system actor (the command line) acts for whoever has the database.</summary>
    private static void EnsureMayChange(Actor actor)
    {
        if (actor.UserId is not null && !actor.IsInAnyRole(Roles.Curator, Roles.Admin))
            throw new ForbiddenException(CodedMessage.Of(KnowledgeRefusal.ArchiveNeedsRole));
    }

    private async Task<CodedMessage?> UpdateIndexesAsync(SopDocument document, Func<Task> update)
    {
        try
        {
            await update();
            return null;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            KnowledgeLog.IndexUpdateFailed(logger, document.Slug, ex);
            // The index's own error text is a detail for whoever runs the reindex; the sentence around it is coded.
            return CodedMessage.Of(KnowledgeRefusal.IndexNotUpdated, ex.Message);
        }
    }

    private static AuditEntry Audit(Actor actor, string action, SopDocument document, CodedMessage detail) => new AuditEntry
    {
        At = DateTime.UtcNow,
        ActorId = actor.UserId,
        ActorName = actor.DisplayName,
        Action = action,
        EntityType = "SopDocument",
        EntityId = document.Id.ToString(CultureInfo.InvariantCulture),
    }.WithDetail(detail);
}

public enum DocumentChangeKind { Archived, Restored, Deleted }

/// <summary>What happened to a document; <paramref name="IndexNote"/> is set when the database changed but an index could not follow.</summary>
public sealed record DocumentChange(long Id, string Slug, string Locale, DocumentChangeKind Change, [property: JsonIgnore] CodedMessage? IndexNote)
{
    /// <summary>The index note in English (the API's and the CLI's); the console words <see cref="IndexNote"/>.</summary>
    public string? IndexWarning => IndexNote?.English;
}
