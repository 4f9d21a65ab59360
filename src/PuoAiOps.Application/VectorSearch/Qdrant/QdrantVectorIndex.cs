using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Knowledge.Indexing;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace PuoAiOps.Application.VectorSearch.Qdrant;

/// <summary>
/// The vector index in a Qdrant collection, through the official gRPC client: named dense (cosine)
/// and sparse (IDF modifier) vectors, payload fields with indexes for the filters, upserts in batches
/// that wait for the write, and hybrid search with the Query API (two prefetches fused by RRF).
/// The collection is created on first use. A rebuildable copy of the database, like every index.
/// </summary>
public sealed class QdrantVectorIndex : IHybridVectorIndex, IDisposable
{
    private readonly QdrantClient _client;
    private readonly QdrantOptions _options;
    private readonly QdrantCalls _calls;
    private readonly ILogger _logger;
    private readonly int _dimensions;
    private readonly SemaphoreSlim _setupGate = new(1, 1);
    private volatile bool _ready;

    public QdrantVectorIndex(QdrantOptions options, int dimensions, ILoggerFactory? loggers = null)
    {
        _options = options;
        _dimensions = dimensions;
        _calls = new QdrantCalls(options);
        _logger = (ILogger?)loggers?.CreateLogger<QdrantVectorIndex>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _client = new QdrantClient(options.Address, options.ApiKey, TimeSpan.FromSeconds(options.TimeoutSeconds), loggers);
    }

    public string Name => "qdrant";

    private string Collection => _options.Collection;

    public async Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken ct = default)
    {
        if (records.Count == 0) return;
        foreach (var record in records)
            if (record.Vector.Length != _dimensions)
                throw new ArgumentException($"Chunk {record.Id} has a {record.Vector.Length}-dimension vector; the index holds {_dimensions}.", nameof(records));
        await EnsureCollectionAsync(ct);
        foreach (var batch in records.Chunk(_options.BatchSize))
        {
            var points = batch.Select(QdrantPoints.ToPoint).ToList();
            await _calls.RunAsync("upsert", t => _client.UpsertAsync(Collection, points, wait: true, cancellationToken: t), ct);
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return;
        await EnsureCollectionAsync(ct);
        foreach (var batch in ids.Chunk(_options.BatchSize))
        {
            var pointIds = batch.Select(id => checked((ulong)id)).ToList();
            await _calls.RunAsync("delete", t => _client.DeleteAsync(Collection, pointIds, wait: true, cancellationToken: t), ct);
        }
    }

    public async Task DeleteDocumentAsync(long documentId, CancellationToken ct = default)
    {
        await EnsureCollectionAsync(ct);
        await _calls.RunAsync("delete by document", t => _client.DeleteAsync(Collection, QdrantPoints.OfDocument(documentId), wait: true, cancellationToken: t), ct);
    }

    public async Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int top, SearchFilter filter, CancellationToken ct = default)
    {
        await EnsureCollectionAsync(ct);
        var points = await _calls.RunAsync("search", t => _client.QueryAsync(Collection, query: Nearest(query), usingVector: QdrantPoints.Dense,
            filter: QdrantPoints.ToFilter(filter), limit: (ulong)top, payloadSelector: false, cancellationToken: t), ct);
        return Hits(points);
    }

    public async Task<IReadOnlyList<VectorHit>> HybridSearchAsync(ReadOnlyMemory<float> query, string text, int top, SearchFilter filter, HybridFusion fusion, CancellationToken ct = default)
    {
        await EnsureCollectionAsync(ct);
        var where = QdrantPoints.ToFilter(filter);
        var candidates = (ulong)fusion.Candidates;
        var rrf = new Rrf { K = (uint)fusion.K, Weights = { (float)fusion.DenseWeight } };
        var prefetch = new List<PrefetchQuery> { new() { Query = Nearest(query), Using = QdrantPoints.Dense, Limit = candidates } };
        if (SparseTerms.Query(text) is { IsEmpty: false } terms)
        {
            prefetch.Add(new PrefetchQuery { Query = new Query { Nearest = new VectorInput { Sparse = QdrantPoints.ToSparse(terms) } }, Using = QdrantPoints.Sparse, Limit = candidates });
            rrf.Weights.Add(1f);
        }
        if (where is not null) foreach (var p in prefetch) p.Filter = where;
        var points = await _calls.RunAsync("hybrid search", t => _client.QueryAsync(Collection, query: new Query { Rrf = rrf }, prefetch: prefetch,
            filter: where, limit: (ulong)top, payloadSelector: false, cancellationToken: t), ct);
        return Hits(points);
    }

    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await EnsureCollectionAsync(ct);
        return (long)await _calls.RunAsync("count", t => _client.CountAsync(Collection, exact: true, cancellationToken: t), ct);
    }

    public async IAsyncEnumerable<long> ScrollIdsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await EnsureCollectionAsync(ct);
        PointId? offset = null;
        do
        {
            var from = offset;
            var page = await _calls.RunAsync("scroll", t => _client.ScrollAsync(Collection, limit: 1000, offset: from, payloadSelector: false, vectorsSelector: false, cancellationToken: t), ct);
            foreach (var point in page.Result) yield return QdrantPoints.IdOf(point.Id);
            offset = page.NextPageOffset;
        }
        while (offset is not null);
    }

    /// <summary>Drops and recreates the collection: faster than deleting every point, and picks up a changed vector size.</summary>
    public async Task ClearAsync(CancellationToken ct = default)
    {
        await _setupGate.WaitAsync(ct);
        try
        {
            _ready = false;
            if (await _calls.RunAsync("collection check", t => _client.CollectionExistsAsync(Collection, t), ct))
                await _calls.RunAsync("collection delete", t => _client.DeleteCollectionAsync(Collection, cancellationToken: t), ct);
            await CreateCollectionAsync(ct);
            _ready = true;
        }
        finally { _setupGate.Release(); }
    }

    public Task ProbeAsync(CancellationToken ct = default) =>
        _calls.RunAsync("health check", t => _client.HealthAsync(t), ct, retry: false);

    private async Task EnsureCollectionAsync(CancellationToken ct)
    {
        if (_ready) return;
        await _setupGate.WaitAsync(ct);
        try
        {
            if (_ready) return;
            if (!await _calls.RunAsync("collection check", t => _client.CollectionExistsAsync(Collection, t), ct))
                await CreateCollectionAsync(ct);
            _ready = true;
        }
        finally { _setupGate.Release(); }
    }

    private async Task CreateCollectionAsync(CancellationToken ct)
    {
        var create = new CreateCollection
        {
            CollectionName = Collection,
            VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap { Map = { [QdrantPoints.Dense] = new VectorParams { Size = (ulong)_dimensions, Distance = Distance.Cosine } } } },
            SparseVectorsConfig = new SparseVectorConfig { Map = { [QdrantPoints.Sparse] = new SparseVectorParams { Modifier = Modifier.Idf } } },
        };
        await _calls.RunAsync("collection create", t => _client.CreateCollectionAsync(create, t), ct);
        foreach (var (field, type) in QdrantPoints.Indexes)
            await _calls.RunAsync($"payload index '{field}'", t => _client.CreatePayloadIndexAsync(Collection, field, type, wait: true, cancellationToken: t), ct);
        QdrantLog.CollectionCreated(_logger, Collection, _dimensions);
    }

    private static Query Nearest(ReadOnlyMemory<float> vector) => new() { Nearest = new VectorInput { Dense = new DenseVector { Data = { vector.ToArray() } } } };

    private static List<VectorHit> Hits(IReadOnlyList<ScoredPoint> points) => points.Select(p => new VectorHit(QdrantPoints.IdOf(p.Id), p.Score)).ToList();

    public void Dispose()
    {
        _client.Dispose();
        _setupGate.Dispose();
    }
}
