using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge.Documents;

/// <summary>Reads for the knowledge pages and API: the filtered, paged document list, one document, its chunks.</summary>
public sealed class DocumentCatalog(PuoDbContext db, KnowledgeIndexes indexes, KnowledgeEmbedder embedder)
{
    public async Task<DocumentListPage> PageAsync(DocumentQuery query, int skip, int take, DocumentSort sort = DocumentSort.Title, bool descending = false, CancellationToken ct = default)
    {
        if (take is < 1 or > 500) throw new ValidationException("take", CodedMessage.Of(KnowledgeRefusal.TakeOutOfRange, 1, 500));
        var today = query.Today;
        var rows = query.Archived
            ? db.Documents.AsNoTracking().Where(d => d.Status == DocumentStatus.Archived)
            : db.Documents.AsNoTracking().Where(d => d.Status != DocumentStatus.Archived);
        if (query.Locale is { Length: > 0 } locale) rows = rows.Where(d => d.Locale == locale);
        if (query.Domain is { Length: > 0 } domain) rows = rows.Where(d => d.Domain == domain);
        if (query.Owner is { Length: > 0 } owner) rows = rows.Where(d => d.Owner == owner);
        if (query.Stale is true) rows = rows.Where(d => d.ReviewBy != null && d.ReviewBy < today);
        if (query.Stale is false) rows = rows.Where(d => d.ReviewBy == null || d.ReviewBy >= today);
        if (query.Text is { Length: > 0 } text)
        {
            var lowered = text.Trim().ToLowerInvariant();
            // Translated to SQL: lower() on both providers; a StringComparison overload would not translate.
#pragma warning disable CA1862
            rows = rows.Where(d => d.Title.ToLower().Contains(lowered) || d.Slug.Contains(lowered));
#pragma warning restore CA1862
        }
        var total = await rows.CountAsync(ct);
        rows = (sort, descending) switch
        {
            (DocumentSort.Locale, false) => rows.OrderBy(d => d.Locale).ThenBy(d => d.Title),
            (DocumentSort.Locale, true) => rows.OrderByDescending(d => d.Locale).ThenBy(d => d.Title),
            (DocumentSort.Domain, false) => rows.OrderBy(d => d.Domain).ThenBy(d => d.Title),
            (DocumentSort.Domain, true) => rows.OrderByDescending(d => d.Domain).ThenBy(d => d.Title),
            (DocumentSort.Owner, false) => rows.OrderBy(d => d.Owner).ThenBy(d => d.Title),
            (DocumentSort.Owner, true) => rows.OrderByDescending(d => d.Owner).ThenBy(d => d.Title),
            (DocumentSort.ReviewBy, false) => rows.OrderBy(d => d.ReviewBy).ThenBy(d => d.Title),
            (DocumentSort.ReviewBy, true) => rows.OrderByDescending(d => d.ReviewBy).ThenBy(d => d.Title),
            (DocumentSort.Updated, false) => rows.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id),
            (DocumentSort.Updated, true) => rows.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id),
            (_, true) => rows.OrderByDescending(d => d.Title).ThenBy(d => d.Id),
            _ => rows.OrderBy(d => d.Title).ThenBy(d => d.Id),
        };
        var page = await rows.Skip(skip).Take(take)
            .Select(d => new DocumentRow(d.Id, d.Slug, d.Title, d.Locale, d.Domain, d.Owner, d.ReviewBy, d.ReviewBy != null && d.ReviewBy < today,
                d.Revision, d.UpdatedAt, d.Chunks.Count, d.Format, d.Status == DocumentStatus.Archived))
            .ToListAsync(ct);
        return new DocumentListPage(page, total);
    }

    public async Task<DocumentFacets> FacetsAsync(CancellationToken ct = default)
    {
        var all = await db.Documents.AsNoTracking().Select(d => new { d.Locale, d.Domain, d.Owner }).ToListAsync(ct);
        static List<string> Distinct(IEnumerable<string?> values) => values.OfType<string>().Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        return new DocumentFacets(Distinct(all.Select(d => d.Locale)), Distinct(all.Select(d => d.Domain)), Distinct(all.Select(d => d.Owner)));
    }

    public async Task<DocumentDetails> GetAsync(long id, DateOnly today, CancellationToken ct = default)
    {
        var d = await db.Documents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoDocument, id));
        return new DocumentDetails(d.Id, d.Slug, d.Title, d.Locale, d.Format, d.Markdown, d.Owner, d.Domain, d.Intents, d.Tags, d.ReviewBy,
            DocumentHistoryService.IsStale(d.ReviewBy, today), d.Revision, d.UpdatedAt, d.UpdatedById, d.UploadedById, d.Source, d.Version, d.IsDemo,
            d.Status == DocumentStatus.Archived);
    }

    public async Task<IReadOnlyList<ChunkView>> ChunksAsync(long id, CancellationToken ct = default)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == id, ct)) throw new NotFoundException(CodedMessage.Of(KnowledgeRefusal.NoDocument, id));
        var chunks = await db.Chunks.AsNoTracking().Where(c => c.DocumentId == id).OrderBy(c => c.Ordinal)
            .Select(c => new { c.Id, c.Ordinal, c.Heading, c.Text, c.ContentHash, c.TokenCount, HasVector = c.Embedding != null, c.EmbeddingModel })
            .ToListAsync(ct);
        var indexed = indexes.Keyword.Contains(chunks.Select(c => c.Id).ToList());
        var model = embedder.Model;
        return chunks.Select(c => new ChunkView(c.Id, c.Ordinal, c.Heading, c.Text, c.ContentHash, c.TokenCount, indexed.Contains(c.Id),
            !c.HasVector ? VectorState.None : c.EmbeddingModel == model ? VectorState.Current : VectorState.OtherModel)).ToList();
    }
}
