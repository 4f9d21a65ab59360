using PuoAiOps.Application.Knowledge.Indexing;

namespace PuoAiOps.Application.VectorSearch;

/// <summary>A vector index with no database behind it: for evaluations over a throw-away corpus.</summary>
public sealed class InMemoryVectorIndex(int dimensions) : IVectorIndex, IDisposable
{
    private readonly VectorMatrix _matrix = new(dimensions);

    public string Name => "memory";

    public Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken ct = default)
    {
        _matrix.Upsert(records);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        _matrix.Delete(ids);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken ct = default) =>
        Task.FromResult(_matrix.Search(query.Span, top, filter));

    public Task<long> CountAsync(CancellationToken ct = default) => Task.FromResult((long)_matrix.Count);

    public Task ClearAsync(CancellationToken ct = default)
    {
        _matrix.Clear();
        return Task.CompletedTask;
    }

    public void Dispose() => _matrix.Dispose();
}
