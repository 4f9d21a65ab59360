using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Formats;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Application.Knowledge.Ingestion;

/// <summary>
/// Ingests one document: validate, strip hidden text, chunk, then write the document, its new
/// revision and its chunk changes in one transaction. Chunks are matched by content hash, so an
/// edit adds and removes only the chunks whose text changed; unchanged chunks keep their ids and
/// vectors. Vectors for new chunks are computed before the transaction (no transaction is held
/// across a model call); the indexes are updated after it commits.
/// </summary>
public sealed class KnowledgeIngestionService(
    PuoDbContext db, KnowledgeEmbedder embedder, KnowledgeIndexes indexes, IOptions<KnowledgeOptions> options, ILogger<KnowledgeIngestionService> logger)
{
    private readonly KnowledgeOptions _options = options.Value;

    public long MaxDocumentBytes => _options.MaxDocumentBytes;

    public async Task<IngestResult> IngestAsync(DocumentUpload upload, CancellationToken ct = default)
    {
        var (format, text) = UploadReader.Read(upload, _options.MaxDocumentBytes);
        ParsedDocument parsed;
        try
        {
            parsed = DocumentParser.Parse(text, format);
        }
        catch (KnowledgeInputException ex)
        {
            throw new KnowledgeInputException(KnowledgeRefusal.InFile, upload.FileName, (object?)ex.Code ?? ex.Message);
        }
        if (!parsed.Blocks.Any(b => b.Text.Trim().Length > 0))
            throw new KnowledgeInputException(KnowledgeRefusal.NoVisibleText, upload.FileName, parsed.HiddenElementsRemoved, parsed.InvisibleCharsRemoved);

        var meta = parsed.Meta;
        var locale = meta.Locale ?? upload.Locale ?? Locales.Guess(string.Join('\n', parsed.Blocks.Select(b => b.Text)));
        var slug = Slugs.From(meta.Slug ?? Path.GetFileNameWithoutExtension(upload.FileName));
        var title = parsed.Title ?? Path.GetFileNameWithoutExtension(upload.FileName);
        var chunker = new ChunkerOptions { MaxChars = _options.ChunkMaxChars, OverlapChars = _options.ChunkOverlapChars };
        var drafts = SectionChunker.Chunk(title, parsed.Blocks, chunker);
        var documentHash = ContentHash.Of(parsed.Source, format.Name(), title, string.Join(',', meta.Intents), string.Join(',', meta.Tags),
            meta.Owner ?? "", meta.Domain ?? "", meta.ReviewBy?.ToString("O") ?? "");

        var document = await db.Documents.Include(d => d.Chunks).SingleOrDefaultAsync(d => d.Slug == slug && d.Locale == locale, ct);
        if (upload.ExpectedVersion is { } expected && (document is null || document.Version != expected))
            throw new ConflictException(CodedMessage.Of(KnowledgeRefusal.ChangedSinceOpened, slug, locale));
        if (document is not null && document.ContentHash == documentHash)
            return Result(document, IngestStatus.Unchanged, 0, 0, document.Chunks.Count, parsed);

        var model = embedder.Available ? embedder.Model : null;
        var existing = (document?.Chunks ?? []).GroupBy(c => c.ContentHash).ToDictionary(g => g.Key, g => g.First());
        var fresh = drafts.Where(d => !existing.TryGetValue(d.ContentHash, out var c) || (model is not null && c.EmbeddingModel != model)).ToList();
        var vectors = model is null ? [] : await embedder.EmbedAsync(fresh.Select(d => Record(0, locale, meta.Domain, meta.Intents, title, d).SearchText).ToList(), ct);
        var vectorByHash = fresh.Select((d, i) => (d.ContentHash, Vector: vectors.Count > i ? vectors[i] : null)).ToDictionary(x => x.ContentHash, x => x.Vector);

        var created = document is null;
        var metadataChanged = document is not null && (document.Domain != meta.Domain || !document.Intents.SequenceEqual(meta.Intents));
        document ??= new SopDocument { Slug = slug, Locale = locale, Revision = 0 };
        var keep = drafts.Select(d => d.ContentHash).ToHashSet();
        var removed = document.Chunks.Where(c => !keep.Contains(c.ContentHash) || vectorByHash.ContainsKey(c.ContentHash)).ToList();
        var removedIds = removed.Where(c => c.Id != 0).Select(c => c.Id).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            Apply(document, parsed, meta, title, upload, documentHash);
            if (created) db.Documents.Add(document);
            foreach (var chunk in removed) document.Chunks.Remove(chunk);
            db.Chunks.RemoveRange(removed);
            var byHash = document.Chunks.ToDictionary(c => c.ContentHash);
            foreach (var draft in drafts)
            {
                if (!byHash.TryGetValue(draft.ContentHash, out var chunk))
                {
                    var vector = vectorByHash.GetValueOrDefault(draft.ContentHash);
                    chunk = new SopChunk
                    {
                        ContentHash = draft.ContentHash, Heading = draft.Heading, Text = draft.Text, TokenCount = draft.TokenCount,
                        Embedding = vector is null ? null : VectorBytes.FromFloats(vector), EmbeddingModel = vector is null ? null : model,
                    };
                    document.Chunks.Add(chunk);
                }
                chunk.Ordinal = draft.Ordinal;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another save committed between our read and this write (Version is a concurrency token).
                throw new ConflictException(CodedMessage.Of(KnowledgeRefusal.ChangedWhileSaving, slug, locale));
            }
            db.DocumentVersions.Add(new SopDocumentVersion
            {
                DocumentId = document.Id, Revision = document.Revision, Title = title, Format = format.Name(), Body = parsed.Source,
                ContentHash = documentHash, Source = upload.Source, CreatedById = upload.UploadedById, CreatedAt = document.UpdatedAt,
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var added = document.Chunks.Where(c => vectorByHash.ContainsKey(c.ContentHash)).ToList();
        // An archived document keeps its new revision out of the indexes until it is restored.
        var toIndex = document.Status == DocumentStatus.Archived ? [] : metadataChanged ? document.Chunks : added;
        var warning = await UpdateIndexesAsync(document, toIndex, vectorByHash, removedIds, ct);
        KnowledgeLog.Ingested(logger, slug, locale, document.Revision, added.Count, removedIds.Count);
        return Result(document, created ? IngestStatus.Created : IngestStatus.Updated, added.Count, removedIds.Count, document.Chunks.Count - added.Count, parsed) with { IndexNote = warning };
    }

    private async Task<CodedMessage?> UpdateIndexesAsync(SopDocument document, IEnumerable<SopChunk> chunks, Dictionary<string, float[]?> fresh, List<long> deletes, CancellationToken ct)
    {
        try
        {
            var upserts = chunks.Select(c => (Record(c.Id, document.Locale, document.Domain, document.Intents, document.Title, new ChunkDraft(c.Ordinal, c.Heading, c.Text, c.ContentHash, c.TokenCount)) with { DocumentId = document.Id },
                fresh.GetValueOrDefault(c.ContentHash) ?? (c.Embedding is null ? null : VectorBytes.ToFloats(c.Embedding)))).ToList();
            await indexes.ApplyAsync(upserts, deletes, ct);
            return null;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            KnowledgeLog.IndexUpdateFailed(logger, document.Slug, ex);
            // The index's own error text is a detail for whoever runs the reindex; the sentence around it is coded.
            return CodedMessage.Of(KnowledgeRefusal.IndexNotUpdated, ex.Message);
        }
    }

    private static void Apply(SopDocument document, ParsedDocument parsed, FrontMatter meta, string title, DocumentUpload upload, string hash)
    {
        document.Title = title;
        document.Markdown = parsed.Source;
        document.Format = parsed.Format.Name();
        document.Tags = [.. meta.Tags];
        document.Intents = [.. meta.Intents];
        document.Owner = meta.Owner ?? document.Owner;
        document.Domain = meta.Domain;
        document.ReviewBy = meta.ReviewBy;
        document.Source = upload.Source;
        document.UploadedById = upload.UploadedById;
        document.UpdatedById = upload.UploadedById;
        document.UpdatedAt = DateTime.UtcNow;
        document.ContentHash = hash;
        document.Revision++;
        document.Version = Guid.NewGuid();
        document.IsDemo = false;
    }

    internal static ChunkRecord Record(long id, string locale, string? domain, IReadOnlyList<string> intents, string title, ChunkDraft draft) =>
        new(id, locale, domain, intents, title, draft.Heading, draft.Text);

    private static IngestResult Result(SopDocument d, IngestStatus status, int added, int removed, int kept, ParsedDocument parsed) =>
        new(d.Slug, d.Locale, d.Title, status, d.Revision, added, removed, kept, parsed.HiddenElementsRemoved, parsed.InvisibleCharsRemoved);
}
