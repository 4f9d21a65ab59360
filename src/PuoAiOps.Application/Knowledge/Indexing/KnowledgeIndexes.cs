using PuoAiOps.Application.Knowledge.Keyword;
using PuoAiOps.Application.VectorSearch;

namespace PuoAiOps.Application.Knowledge.Indexing;

/// <summary>
/// Applies chunk changes to both indexes after the database has committed them. A failure here
/// leaves the database (the source of truth) correct; `puo kb reindex` brings the indexes back.
/// </summary>
public sealed class KnowledgeIndexes(LuceneKeywordIndex keyword, KnowledgeEmbedder embedder, IVectorIndex? vectors = null)
{
    public LuceneKeywordIndex Keyword => keyword;
    public IVectorIndex? Vectors => embedder.Available ? vectors : null;

    /// <summary>The model of the vectors the vector index holds (stored vectors of another model are not used).</summary>
    public string? Model => embedder.Available ? embedder.Model : null;

    public async Task ApplyAsync(IReadOnlyList<(ChunkRecord Chunk, float[]? Vector)> upserts, IReadOnlyCollection<long> deletes, CancellationToken ct)
    {
        keyword.Apply(upserts.Select(u => u.Chunk).ToList(), deletes);
        if (Vectors is not { } index) return;
        if (deletes.Count > 0) await index.DeleteAsync(deletes, ct);
        var records = upserts.Where(u => u.Vector is not null)
            .Select(u => new VectorRecord(u.Chunk.Id, u.Vector, u.Chunk.Locale, u.Chunk.Domain, u.Chunk.Intents, u.Chunk.DocumentId,
                index is IHybridVectorIndex ? u.Chunk.SearchText : null)).ToList();
        if (records.Count > 0) await index.UpsertAsync(records, ct);
    }

    /// <summary>Removes a document's chunks: by id from the keyword index, by document from an index that can (Qdrant), else by id.</summary>
    public async Task DeleteDocumentAsync(long documentId, IReadOnlyCollection<long> chunkIds, CancellationToken ct)
    {
        keyword.Apply([], chunkIds);
        if (Vectors is IHybridVectorIndex hybrid) await hybrid.DeleteDocumentAsync(documentId, ct);
        else if (Vectors is { } index && chunkIds.Count > 0) await index.DeleteAsync(chunkIds, ct);
    }
}
