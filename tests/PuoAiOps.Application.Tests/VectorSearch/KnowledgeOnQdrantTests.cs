using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Tests.Knowledge;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.QdrantFake;
using static PuoAiOps.Application.Tests.Knowledge.KnowledgeTestBed;

namespace PuoAiOps.Application.Tests.VectorSearch;

/// <summary>
/// The knowledge base with <c>VectorSearch:Provider = Qdrant</c> (the in-process server, the real
/// MiniLM encoder): incremental re-indexing, hybrid search through the Query API, and what happens
/// when Qdrant is down or answers errors.
/// </summary>
public sealed class KnowledgeOnQdrantTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;
    private KnowledgeTestBed _bed = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeQdrantServer.StartNewAsync(apiKey: "kb-key", Ct);
        _bed = await CreateAsync(dense: true, vectors: o =>
        {
            o.Provider = VectorProvider.Qdrant;
            o.Qdrant.Url = _server.Url;
            o.Qdrant.ApiKey = "kb-key";
            o.Qdrant.Retries = 1;
            o.Qdrant.RetryDelayMilliseconds = 1;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _bed.DisposeAsync();
        await _server.DisposeAsync();
    }

    private FakeCollection Collection => _server.Store.Get("puo_knowledge");

    private Task<KnowledgeSearchResult> SearchAsync(string query, SearchMode mode = SearchMode.Hybrid) =>
        _bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSearchService>().SearchAsync(new KnowledgeQuery(query, 5, Mode: mode), Ct));

    private static string Edited => IngestionTests.Refunds.Replace("5-10 business days", "3 business days by express review", StringComparison.Ordinal);

    [Fact]
    public async Task Ingest_EditReindexesOnlyTheChangedChunk_AndHybridSearchSeesTheEdit()
    {
        await _bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        Assert.Equal(3, Collection.PointsWritten);
        var embedded = _bed.Generator!.Texts;

        var result = await _bed.IngestAsync("refunds.md", Edited);

        Assert.Null(result.IndexWarning);
        Assert.Equal((1, 1, 2), (result.ChunksAdded, result.ChunksRemoved, result.ChunksKept));
        Assert.Equal(1, _bed.Generator.Texts - embedded);
        Assert.Equal(4, Collection.PointsWritten);
        await using var db = _bed.NewContext();
        var chunkIds = (await db.Chunks.Select(c => c.Id).ToListAsync(Ct)).Select(id => (ulong)id).Order().ToList();
        lock (Collection.Gate) Assert.Equal(chunkIds, Collection.Points.Keys);
        var documentId = await db.Documents.Select(d => d.Id).SingleAsync(Ct);
        lock (Collection.Gate) Assert.All(Collection.Points.Values, p => Assert.Equal(documentId, p.Payload["document"].IntegerValue));

        var hits = await SearchAsync("express review");
        Assert.Equal(SearchMode.Hybrid, hits.Mode);
        Assert.Null(hits.Note);
        Assert.Contains("express review", hits.Hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, hits.Hits[0].DenseRank);
    }

    [Fact]
    public async Task Search_QdrantDown_FallsBackToTheKeywordIndex_AndSaysSo()
    {
        await _bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        await _server.StopAsync(Ct);

        var result = await SearchAsync("how long do approved refunds take");

        Assert.Equal(SearchMode.Keyword, result.Mode);
        Assert.Contains("Qdrant at 127.0.0.1", result.Note, StringComparison.Ordinal);
        Assert.Contains("Showing keyword results only.", result.Note, StringComparison.Ordinal);
        Assert.Contains("5-10 business days", result.Hits[0].Text, StringComparison.Ordinal);
        Assert.All(result.Hits, h => Assert.Null(h.DenseRank));
        Assert.False((await VectorIndexHealth.CheckAsync(_bed.Services.GetRequiredService<IVectorIndex>(), Ct)).Reachable);
    }

    [Theory]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.Unavailable)]
    public async Task Ingest_QdrantAnsweringErrors_SavesTheDatabaseWhole_AndReindexReconciles(StatusCode error)
    {
        await _bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        _server.Faults.Fail(error);

        var result = await _bed.IngestAsync("refunds.md", Edited);

        Assert.Equal((IngestStatus.Updated, 2), (result.Status, result.Revision));
        Assert.Contains("saved, but the search index was not updated", result.IndexWarning, StringComparison.Ordinal);
        Assert.Contains("run 'puo kb reindex'", result.IndexWarning, StringComparison.Ordinal);
        // The console words the note from its code; the index's own error is only its detail.
        Assert.Equal(PuoAiOps.Application.Knowledge.KnowledgeRefusal.IndexNotUpdated, result.IndexNote!.Code);
        await using (var db = _bed.NewContext())
        {
            Assert.Equal(3, await db.Chunks.CountAsync(c => c.Embedding != null, Ct));
            Assert.Equal(2, await db.DocumentVersions.CountAsync(Ct));
        }
        var degraded = await SearchAsync("express review");
        Assert.Equal(SearchMode.Keyword, degraded.Mode);
        Assert.Contains("express review", degraded.Hits[0].Text, StringComparison.Ordinal);

        _server.Faults.Heal();
        var report = await _bed.WithAsync(sp => sp.GetRequiredService<ReindexService>().ReindexAsync(Ct));

        // Same count (3 points, 3 chunks), but one point is stale and one chunk missing: only the id scroll sees it.
        Assert.Equal((3L, 1, 1, true), (report.VectorsBefore, report.VectorsMissing, report.VectorsOrphaned, report.VectorMismatch));
        Assert.Equal(3, report.VectorsAfter);
        var healed = await SearchAsync("express review");
        Assert.Equal(SearchMode.Hybrid, healed.Mode);
        Assert.Contains("express review", healed.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_QdrantDown_FailsWithAClearMessage_AndLeavesTheDatabase()
    {
        await _bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        await _server.StopAsync(Ct);

        var ex = await Assert.ThrowsAsync<VectorIndexUnavailableException>(() => _bed.WithAsync(sp => sp.GetRequiredService<ReindexService>().ReindexAsync(Ct)));

        Assert.Contains("count failed: the server is unreachable or unavailable", ex.Message, StringComparison.Ordinal);
        await using var db = _bed.NewContext();
        Assert.Equal(3, await db.Chunks.CountAsync(c => c.Embedding != null, Ct));
    }
}
