using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Formats;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge.Documents;

/// <summary>
/// Saves an edited source as a new revision through the same ingestion as an upload (sanitizing,
/// hidden-text stripping, chunking, index updates). The edit names the stamp it was made on; a save
/// in between refuses it (409) and nothing is written, so the editor keeps the text.
/// </summary>
public sealed class DocumentEditor(PuoDbContext db, KnowledgeIngestionService ingestion)
{
    public async Task<IngestResult> SaveAsync(long id, Guid expectedVersion, string source, string? userId, CancellationToken ct = default)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoDocument, id));
        var format = DocumentFormats.Parse(document.Format);
        if (format == DocumentFormat.Markdown)
        {
            // Front matter could move the edit to another document; refuse rather than fork it.
            var (meta, _) = FrontMatter.Split(source);
            if (meta.Slug is { } slug && Slugs.From(slug) != document.Slug)
                throw new ValidationException("source", CodedMessage.Of(KnowledgeRefusal.SlugDiffers, slug, document.Slug));
            if (meta.Locale is { } locale && !string.Equals(locale, document.Locale, StringComparison.OrdinalIgnoreCase))
                throw new ValidationException("source", CodedMessage.Of(KnowledgeRefusal.LocaleDiffers, locale, document.Locale));
        }
        await EnsureBaselineAsync(document, ct);
        var fileName = document.Slug + format switch { DocumentFormat.Html => ".html", DocumentFormat.Text => ".txt", _ => ".md" };
        var upload = new DocumentUpload(fileName, Encoding.UTF8.GetBytes(source), "editor", userId, document.Locale, expectedVersion);
        return await ingestion.IngestAsync(upload, ct);
    }

    /// <summary>
    /// A document that never went through ingestion (the demo's) has no stored revision; its current
    /// text is recorded first, so the history can diff the edit against it.
    /// </summary>
    private async Task EnsureBaselineAsync(SopDocument document, CancellationToken ct)
    {
        if (await db.DocumentVersions.AnyAsync(v => v.DocumentId == document.Id && v.Revision == document.Revision, ct)) return;
        db.DocumentVersions.Add(new SopDocumentVersion
        {
            DocumentId = document.Id, Revision = document.Revision, Title = document.Title, Format = document.Format, Body = document.Markdown,
            ContentHash = document.ContentHash, Source = document.Source ?? (document.IsDemo ? "demo" : null), CreatedById = document.UpdatedById,
            CreatedAt = document.UpdatedAt,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
