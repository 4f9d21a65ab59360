using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.VectorSearch;

namespace PuoAiOps.Application.Knowledge.Indexing;

/// <summary>
/// Counts before and after a rebuild; a mismatch before means the indexes had drifted from the database.
/// A vector index that can list its ids (Qdrant) is also reconciled id by id: chunks it lacked and
/// points whose chunk the database no longer has (equal counts can hide both).
/// </summary>
public sealed record ReindexReport(int Documents, int Chunks, int KeywordBefore, long? VectorsBefore, int KeywordAfter, long? VectorsAfter, int Embedded, double Seconds,
    int? VectorsMissing = null, int? VectorsOrphaned = null)
{
    public bool KeywordMismatch => KeywordBefore != Chunks;
    public bool VectorMismatch => (VectorsBefore is { } v && v != Chunks) || VectorsMissing > 0 || VectorsOrphaned > 0;
}

/// <summary>
/// Rebuilds both indexes from the database, the source of truth: vectors missing (or from another
/// model) are computed and stored first, then the indexes are emptied and refilled with the chunks
/// of every document that is not archived.
/// </summary>
public sealed class ReindexService(PuoDbContext db, KnowledgeEmbedder embedder, KnowledgeIndexes indexes, ILogger<ReindexService> logger)
{
    private const int Batch = 256;

    // One rebuild at a time in a process: the start-up indexer and the demo seeder may both find work on a first start,
    // and two rebuilds clearing and refilling the same index side by side could leave chunks in it twice.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<ReindexReport> ReindexAsync(CancellationToken ct = default)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            return await RebuildAsync(ct);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<ReindexReport> RebuildAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var keywordBefore = indexes.Keyword.Count;
        long? vectorsBefore = indexes.Vectors is { } v ? await v.CountAsync(ct) : null;
        var (missing, orphaned) = indexes.Vectors is IHybridVectorIndex listed ? await ReconcileAsync(listed, ct) : (null, null);
        var embedded = await EmbedMissingAsync(ct);

        var documents = await db.Documents.AsNoTracking().Where(d => d.Status != DocumentStatus.Archived).Select(d => new { d.Id, d.Title, d.Locale, d.Domain, d.Intents }).ToDictionaryAsync(d => d.Id, ct);
        indexes.Keyword.Clear();
        if (indexes.Vectors is { } vectors) await vectors.ClearAsync(ct);
        var chunks = 0;
        var batch = new List<(ChunkRecord, float[]?)>(Batch);
        await foreach (var c in IndexedChunks(db).OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            // A document archived while this runs is left out (its archive removes it anyway).
            if (!documents.TryGetValue(c.DocumentId, out var d)) continue;
            var vector = c.Embedding is not null && c.EmbeddingModel == embedder.Model ? VectorBytes.ToFloats(c.Embedding) : null;
            batch.Add((new ChunkRecord(c.Id, d.Locale, d.Domain, d.Intents, d.Title, c.Heading, c.Text, c.DocumentId), vector));
            chunks++;
            if (batch.Count == Batch * 8) { await indexes.ApplyAsync(batch, [], ct); batch.Clear(); }
        }
        await indexes.ApplyAsync(batch, [], ct);
        long? vectorsAfter = indexes.Vectors is { } after ? await after.CountAsync(ct) : null;
        KnowledgeLog.Reindexed(logger, chunks, embedded, clock.Elapsed.TotalSeconds);
        return new ReindexReport(documents.Count, chunks, keywordBefore, vectorsBefore, indexes.Keyword.Count, vectorsAfter, embedded, clock.Elapsed.TotalSeconds, missing, orphaned);
    }

    /// <summary>Chunk ids the index lacks and point ids the database does not have (the index's ids scrolled in pages).</summary>
    private async Task<(int?, int?)> ReconcileAsync(IHybridVectorIndex index, CancellationToken ct)
    {
        var expected = (await IndexedChunks(db).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var orphaned = 0;
        await foreach (var id in index.ScrollIdsAsync(ct))
            if (!expected.Remove(id)) orphaned++;
        return (expected.Count, orphaned);
    }

    /// <summary>The chunks the indexes should hold: those of documents that are not archived.</summary>
    public static IQueryable<SopChunk> IndexedChunks(PuoDbContext db) =>
        db.Chunks.AsNoTracking().Where(c => db.Documents.Any(d => d.Id == c.DocumentId && d.Status != DocumentStatus.Archived));

    /// <summary>Computes and stores vectors for chunks without one from the current model, a batch per short transaction.</summary>
    private async Task<int> EmbedMissingAsync(CancellationToken ct)
    {
        if (!embedder.Available) return 0;
        var model = embedder.Model;
        var titles = await db.Documents.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var total = 0;
        while (true)
        {
            var pending = await db.Chunks.Where(c => c.Embedding == null || c.EmbeddingModel != model).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (pending.Count == 0) return total;
            var texts = pending.Select(c => new ChunkRecord(c.Id, "", null, [], titles[c.DocumentId], c.Heading, c.Text).SearchText).ToList();
            var vectors = await embedder.EmbedAsync(texts, ct);
            for (var i = 0; i < pending.Count; i++)
            {
                pending[i].Embedding = VectorBytes.FromFloats(vectors[i]);
                pending[i].EmbeddingModel = model;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += pending.Count;
        }
    }
}
