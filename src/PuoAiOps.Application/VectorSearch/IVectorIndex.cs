using PuoAiOps.Application.Knowledge.Indexing;

namespace PuoAiOps.Application.VectorSearch;

/// <summary>
/// Dense-vector index of knowledge chunks, chosen by <c>VectorSearch:Provider</c>. The database is
/// the source of truth (vectors live in <c>Chunks.Embedding</c>); an index is a rebuildable copy.
/// Shaped for a remote store too (Qdrant): ids are 64-bit, filters travel as payload fields, every
/// call is async and batched.
/// </summary>
public interface IVectorIndex
{
    /// <summary>Provider name for reports ("embedded", "qdrant").</summary>
    string Name { get; }

    Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken ct = default);

    Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default);

    /// <summary>Best first by cosine similarity (vectors are unit length).</summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken ct = default);

    Task<long> CountAsync(CancellationToken ct = default);

    /// <summary>Removes every vector (a rebuild starts here).</summary>
    Task ClearAsync(CancellationToken ct = default);
}

/// <summary>
/// A chunk's vector with the fields searches filter on. <paramref name="DocumentId"/> and
/// <paramref name="Text"/> (the chunk's search text, for sparse term vectors) are used by
/// <see cref="IHybridVectorIndex"/> providers; 0 / null where unknown.
/// </summary>
public sealed record VectorRecord(long Id, ReadOnlyMemory<float> Vector, string Locale, string? Domain, IReadOnlyList<string> Intents, long DocumentId = 0, string? Text = null);

public sealed record VectorHit(long Id, float Score);
