using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.VectorSearch;

namespace PuoAiOps.Application.Tests.VectorSearch;

/// <summary>
/// What every <see cref="IVectorIndex"/> must do, run against each provider: the embedded index,
/// Qdrant through the in-process gRPC server, and a real Qdrant when QDRANT_URL is set.
/// </summary>
public abstract class VectorIndexContract : IAsyncLifetime
{
    protected const int Dimensions = 8;
    private IVectorIndex? _index;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IVectorIndex Index => _index ?? throw new InvalidOperationException("not initialised");

    /// <summary>An empty index of <see cref="Dimensions"/>-dimension vectors.</summary>
    protected abstract Task<IVectorIndex> CreateIndexAsync();

    public async ValueTask InitializeAsync()
    {
        _index = await CreateIndexAsync();
        await _index.ClearAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        (_index as IDisposable)?.Dispose();
        await DisposeProviderAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what <see cref="CreateIndexAsync"/> started (a server, a workspace).</summary>
    protected virtual ValueTask DisposeProviderAsync() => ValueTask.CompletedTask;

    /// <summary>A unit vector pointing mostly along <paramref name="axis"/>, tilted towards the next axis by <paramref name="tilt"/>.</summary>
    protected static float[] Axis(int axis, float tilt = 0)
    {
        var v = new float[Dimensions];
        v[axis] = 1;
        v[(axis + 1) % Dimensions] = tilt;
        var norm = MathF.Sqrt(1 + tilt * tilt);
        return v.Select(x => x / norm).ToArray();
    }

    protected static VectorRecord Record(long id, float[] vector, string locale = "en", string? domain = null, string[]? intents = null, long document = 1, string? text = null) =>
        new(id, vector, locale, domain, intents ?? [], document, text);

    [Fact]
    public async Task Search_ReturnsNearestFirst_WithCosineScores()
    {
        await Index.UpsertAsync([Record(1, Axis(0)), Record(2, Axis(0, 0.5f)), Record(3, Axis(3))], Ct);

        var hits = await Index.SearchAsync(Axis(0), 3, SearchFilter.None, Ct);

        Assert.Equal([1L, 2L, 3L], hits.Select(h => h.Id));
        Assert.Equal(1f, hits[0].Score, 0.001f);
        Assert.Equal(1 / MathF.Sqrt(1.25f), hits[1].Score, 0.001f);
        Assert.Equal(0f, hits[2].Score, 0.001f);
    }

    [Fact]
    public async Task Upsert_SameIdAgain_ReplacesTheVector()
    {
        await Index.UpsertAsync([Record(7, Axis(0)), Record(8, Axis(2))], Ct);
        await Index.UpsertAsync([Record(7, Axis(5))], Ct);

        Assert.Equal(2, await Index.CountAsync(Ct));
        var hits = await Index.SearchAsync(Axis(5), 1, SearchFilter.None, Ct);
        Assert.Equal(7, Assert.Single(hits).Id);
    }

    [Fact]
    public async Task Delete_RemovesOnlyTheGivenIds()
    {
        await Index.UpsertAsync([Record(1, Axis(0)), Record(2, Axis(1)), Record(3, Axis(2))], Ct);

        await Index.DeleteAsync([2, 99], Ct);

        Assert.Equal(2, await Index.CountAsync(Ct));
        var hits = await Index.SearchAsync(Axis(1), 10, SearchFilter.None, Ct);
        Assert.Equal([1L, 3L], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Search_FiltersByLanguageDomainAndIntent()
    {
        await Index.UpsertAsync(
        [
            Record(1, Axis(0), "en", "payments", ["refund_request"]),
            Record(2, Axis(0, 0.1f), "zh-CN", "payments", ["refund_request"]),
            Record(3, Axis(0, 0.2f), "en-GB", "Account", ["login_help", "Reset_Password"]),
        ], Ct);

        Assert.Equal([2L], await IdsAsync(new SearchFilter(Locale: "zh")));
        Assert.Equal([1L, 3L], await IdsAsync(new SearchFilter(Locale: "en")));
        Assert.Equal([3L], await IdsAsync(new SearchFilter(Domain: "account")));
        Assert.Equal([3L], await IdsAsync(new SearchFilter(Intent: "reset_password")));
        Assert.Equal([1L], await IdsAsync(new SearchFilter("en", "payments", "refund_request")));
        Assert.Empty(await IdsAsync(new SearchFilter(Domain: "shipping")));
    }

    [Fact]
    public async Task Clear_EmptiesTheIndex_AndItStaysUsable()
    {
        await Index.UpsertAsync([Record(1, Axis(0)), Record(2, Axis(1))], Ct);

        await Index.ClearAsync(Ct);
        Assert.Equal(0, await Index.CountAsync(Ct));
        Assert.Empty(await Index.SearchAsync(Axis(0), 5, SearchFilter.None, Ct));

        await Index.UpsertAsync([Record(3, Axis(2))], Ct);
        Assert.Equal(1, await Index.CountAsync(Ct));
    }

    [Fact]
    public async Task Upsert_VectorOfTheWrongDimension_IsRefusedWithAMessage()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Index.UpsertAsync([Record(1, new float[Dimensions + 1])], Ct));
        Assert.Contains($"{Dimensions + 1}-dimension", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Index.CountAsync(Ct));
    }

    [Fact]
    public async Task Upsert_ManyRecords_AreAllCountedAndSearchable()
    {
        var records = Enumerable.Range(1, 600).Select(i => Record(i, Axis(i % Dimensions, (i % 17) / 17f))).ToList();

        await Index.UpsertAsync(records, Ct);

        Assert.Equal(600, await Index.CountAsync(Ct));
        Assert.Equal(600, (await Index.SearchAsync(Axis(0), 1000, SearchFilter.None, Ct)).Count);
    }

    private async Task<List<long>> IdsAsync(SearchFilter filter) =>
        (await Index.SearchAsync(Axis(0), 10, filter, Ct)).Select(h => h.Id).Order().ToList();
}
