using Grpc.Core;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Application.VectorSearch.Qdrant;
using PuoAiOps.QdrantFake;

namespace PuoAiOps.Application.Tests.VectorSearch;

/// <summary>What only the Qdrant provider does (hybrid search, delete by document, scroll) and how it fails, against the in-process server.</summary>
public sealed class QdrantVectorIndexTests : IAsyncLifetime
{
    private const int Dimensions = 4;
    private FakeQdrantServer _server = null!;
    private QdrantVectorIndex _index = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeQdrantServer.StartNewAsync(apiKey: "k1", Ct);
        _index = Create();
    }

    public async ValueTask DisposeAsync()
    {
        _index.Dispose();
        await _server.DisposeAsync();
    }

    private QdrantVectorIndex Create(string? apiKey = "k1", int retries = 2) =>
        new(new QdrantOptions { Url = _server.Url, ApiKey = apiKey, Collection = "kb", Retries = retries, RetryDelayMilliseconds = 1, TimeoutSeconds = 5 }, Dimensions);

    private static VectorRecord Record(long id, float[] vector, string text, long document = 1) => new(id, vector, "en", null, [], document, text);

    [Fact]
    public async Task Setup_CreatesNamedDenseAndIdfSparseVectors_AndPayloadIndexes()
    {
        Assert.Equal(0, await _index.CountAsync(Ct));

        var collection = _server.Store.Get("kb");
        Assert.Equal((ulong)Dimensions, collection.Dense["dense"]);
        Assert.True(collection.Sparse["sparse"]);
        Assert.Equal(["document", "domain", "intent", "lang"], collection.Indexes.Keys.Order());
    }

    [Fact]
    public async Task HybridSearch_FusesDenseAndSparseCandidates()
    {
        // Dense prefers 1, then 2; the words prefer 3: fusion ranks the one both lists hold (2) first.
        await _index.UpsertAsync(
        [
            Record(1, [1, 0, 0, 0], "shipping times for parcels"),
            Record(2, [0.8f, 0.6f, 0, 0], "refund a coin purchase"),
            Record(3, [0, 0, 1, 0], "refund policy: coins refund within 14 days"),
        ], Ct);

        var hits = await _index.HybridSearchAsync(new float[] { 1, 0, 0, 0 }, "refund coins", 3, SearchFilter.None, new HybridFusion(Candidates: 2, K: 1), Ct);

        Assert.Equal([2L, 1L, 3L], hits.Select(h => h.Id));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task SparseVectors_WeighRareTermsAboveCommonOnes()
    {
        await _index.UpsertAsync(
        [
            Record(1, [1, 0, 0, 0], "account account login"),
            Record(2, [1, 0, 0, 0], "account password"),
            Record(3, [1, 0, 0, 0], "account email"),
        ], Ct);

        var hits = await _index.HybridSearchAsync(new float[] { 0, 0, 0, 1 }, "account password", 1, SearchFilter.None, new HybridFusion(Candidates: 3, K: 60, DenseWeight: 0), Ct);

        Assert.Equal(2, Assert.Single(hits).Id);
    }

    [Fact]
    public async Task DeleteDocument_RemovesEveryPointOfThatDocumentOnly()
    {
        await _index.UpsertAsync([Record(1, [1, 0, 0, 0], "a", document: 10), Record(2, [0, 1, 0, 0], "b", document: 10), Record(3, [0, 0, 1, 0], "c", document: 11)], Ct);

        await _index.DeleteDocumentAsync(10, Ct);

        Assert.Equal([3L], await ToListAsync(_index.ScrollIdsAsync(Ct)));
    }

    [Fact]
    public async Task ScrollIds_PagesThroughEveryPoint()
    {
        await _index.UpsertAsync(Enumerable.Range(1, 2500).Select(i => Record(i, [1, i, 0, 0], "x")).ToList(), Ct);

        var ids = await ToListAsync(_index.ScrollIdsAsync(Ct));

        Assert.Equal(Enumerable.Range(1, 2500).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task TransientErrors_AreRetried_ThenTheCallSucceeds()
    {
        await _index.CountAsync(Ct);
        _server.Faults.Fail(StatusCode.Unavailable, times: 2);
        var before = _server.Faults.Calls;

        await _index.UpsertAsync([Record(1, [1, 0, 0, 0], "x")], Ct);

        Assert.Equal(3, _server.Faults.Calls - before);
        Assert.Equal(1, await _index.CountAsync(Ct));
    }

    [Fact]
    public async Task InternalErrors_AreNotRetried_AndSayWhatFailed()
    {
        await _index.CountAsync(Ct);
        _server.Faults.Fail(StatusCode.Internal);
        var before = _server.Faults.Calls;

        var ex = await Assert.ThrowsAsync<VectorIndexUnavailableException>(() => _index.UpsertAsync([Record(1, [1, 0, 0, 0], "x")], Ct));

        Assert.Equal(1, _server.Faults.Calls - before);
        Assert.Contains($"Qdrant at 127.0.0.1:{new Uri(_server.Url).Port}: upsert failed: Internal", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerDown_FailsAfterRetries_WithAClearMessage_AndWorksOnceBack()
    {
        await _index.CountAsync(Ct);
        await _server.StopAsync(Ct);

        var ex = await Assert.ThrowsAsync<VectorIndexUnavailableException>(() => _index.SearchAsync(new float[] { 1, 0, 0, 0 }, 5, SearchFilter.None, Ct));
        Assert.Contains("search failed: the server is unreachable or unavailable", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<VectorIndexUnavailableException>(() => _index.ProbeAsync(Ct));

        await _server.StartAsync(Ct);
        // The channel reconnects after its own connection backoff (about a second), as with a real Qdrant.
        await Poll.UntilAsync(async () => (await VectorIndexHealth.CheckAsync(_index, Ct)).Reachable, TimeSpan.FromSeconds(30), "the client to reconnect", Ct);
        Assert.Empty(await _index.SearchAsync(new float[] { 1, 0, 0, 0 }, 5, SearchFilter.None, Ct));
    }

    [Fact]
    public async Task WrongApiKey_IsRefused_WithAMessageNamingTheSetting()
    {
        using var index = Create(apiKey: "wrong");

        var ex = await Assert.ThrowsAsync<VectorIndexUnavailableException>(() => index.CountAsync(Ct));

        Assert.Contains("the API key was refused (VectorSearch:Qdrant:ApiKey)", ex.Message, StringComparison.Ordinal);
        Assert.False(_server.Store.Exists("kb"));
    }

    [Fact]
    public async Task UnimplementedCalls_AnswerUnimplemented()
    {
        using var client = new global::Qdrant.Client.QdrantClient(new Uri(_server.Url), "k1");

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ListSnapshotsAsync("kb", Ct));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    private static async Task<List<long>> ToListAsync(IAsyncEnumerable<long> ids)
    {
        var list = new List<long>();
        await foreach (var id in ids) list.Add(id);
        return list;
    }
}
