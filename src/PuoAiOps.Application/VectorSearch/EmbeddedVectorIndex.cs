using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.VectorSearch;

/// <summary>
/// The default vector index: the vectors stored in the database, held in memory and scored exactly
/// (<see cref="VectorMatrix"/>). Loaded from the database on first use; ingestion then keeps it
/// current with incremental upserts and deletes. Another process's writes (a `puo kb ingest` while
/// the console runs) are seen after the next reindex or restart.
/// </summary>
public sealed class EmbeddedVectorIndex(IServiceScopeFactory scopes, string model, int dimensions) : IVectorIndex, IDisposable
{
    private readonly VectorMatrix _matrix = new(dimensions);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile bool _loaded;

    public string Name => "embedded";

    public async Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken ct = default)
    {
        await EnsureLoadedAsync(ct);
        _matrix.Upsert(records);
    }

    public async Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        await EnsureLoadedAsync(ct);
        _matrix.Delete(ids);
    }

    public async Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken ct = default)
    {
        await EnsureLoadedAsync(ct);
        return _matrix.Search(query.Span, top, filter);
    }

    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await EnsureLoadedAsync(ct);
        return _matrix.Count;
    }

    public Task ClearAsync(CancellationToken ct = default)
    {
        _matrix.Clear();
        // Cleared on purpose: the rebuild that follows fills it, so loading from the database is skipped.
        _loaded = true;
        return Task.CompletedTask;
    }

    private async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (_loaded) return;
        await _loadGate.WaitAsync(ct);
        try
        {
            if (_loaded) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var rows = db.Chunks.AsNoTracking()
                .Where(c => c.Embedding != null && c.EmbeddingModel == model)
                .Join(db.Documents.Where(d => d.Status != DocumentStatus.Archived), c => c.DocumentId, d => d.Id, (c, d) => new { c.Id, c.Embedding, d.Locale, d.Domain, d.Intents })
                .AsAsyncEnumerable();
            var batch = new List<VectorRecord>(1024);
            await foreach (var row in rows.WithCancellation(ct))
            {
                batch.Add(new VectorRecord(row.Id, VectorBytes.ToFloats(row.Embedding!), row.Locale, row.Domain, row.Intents));
                if (batch.Count == 1024) { _matrix.Upsert(batch); batch.Clear(); }
            }
            _matrix.Upsert(batch);
            _loaded = true;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    public void Dispose()
    {
        _matrix.Dispose();
        _loadGate.Dispose();
    }
}
