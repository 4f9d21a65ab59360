using PuoAiOps.Application.Knowledge.Indexing;

namespace PuoAiOps.Application.VectorSearch;

/// <summary>
/// A vector index that also holds sparse term vectors (Qdrant) and fuses dense and sparse candidates
/// itself, in one call. Records then need their text (<see cref="VectorRecord.Text"/>).
/// </summary>
public interface IHybridVectorIndex : IVectorIndex
{
    /// <summary>Dense and sparse candidates fused by (weighted) reciprocal rank, best first; scores are the fused scores.</summary>
    Task<IReadOnlyList<VectorHit>> HybridSearchAsync(ReadOnlyMemory<float> query, string text, int top, SearchFilter filter, HybridFusion fusion, CancellationToken ct = default);

    /// <summary>Removes every point of a document (by its payload), whatever its chunk ids were.</summary>
    Task DeleteDocumentAsync(long documentId, CancellationToken ct = default);

    /// <summary>Every point id in the index (scrolled in pages), to reconcile with the database.</summary>
    IAsyncEnumerable<long> ScrollIdsAsync(CancellationToken ct = default);

    /// <summary>Throws <see cref="VectorIndexUnavailableException"/> unless the server answers now (one attempt, no retries).</summary>
    Task ProbeAsync(CancellationToken ct = default);
}

/// <summary>How a hybrid search fuses: candidates per prefetch, the RRF k, and the dense list's weight (the sparse list weighs 1).</summary>
public sealed record HybridFusion(int Candidates = 50, int K = 60, double DenseWeight = 1.0);
