using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Tests.Knowledge;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.QdrantFake;
using static PuoAiOps.Application.Tests.Knowledge.DocumentLifecycleTests;
using static PuoAiOps.Application.Tests.Knowledge.KnowledgeTestBed;

namespace PuoAiOps.Application.Tests.VectorSearch;

/// <summary>
/// Archive and delete with <c>VectorSearch:Provider = Qdrant</c> (the in-process server): the points go,
/// and when Qdrant is down the database change still stands whole, search does not show the document,
/// and a reindex drops the stale points.
/// </summary>
public sealed class DocumentLifecycleOnQdrantTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;
    private KnowledgeTestBed _bed = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeQdrantServer.StartNewAsync(apiKey: null, Ct);
        _bed = await CreateAsync(dense: true, vectors: o =>
        {
            o.Provider = VectorProvider.Qdrant;
            o.Qdrant.Url = _server.Url;
            o.Qdrant.Retries = 1;
            o.Qdrant.RetryDelayMilliseconds = 1;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _bed.DisposeAsync();
        await _server.DisposeAsync();
    }

    private int Points
    {
        get
        {
            var collection = _server.Store.Get("puo_knowledge");
            lock (collection.Gate) return collection.Points.Count;
        }
    }

    private async Task<long> IngestTwoAsync()
    {
        await _bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        await _bed.IngestAsync("other.md", "# Shipping\n\nParcels ship on Tuesdays.\n");
        await using var db = _bed.NewContext();
        return await db.Documents.Where(d => d.Slug == "refunds").Select(d => d.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task ArchiveRestoreDelete_MoveTheDocumentsPoints()
    {
        var id = await IngestTwoAsync();
        Assert.Equal(4, Points);

        Assert.Null((await ChangeAsync(_bed, l => l.ArchiveAsync(id, Curator, Ct))).IndexWarning);
        Assert.Equal(1, Points);
        Assert.Null((await ChangeAsync(_bed, l => l.RestoreAsync(id, Curator, Ct))).IndexWarning);
        Assert.Equal(4, Points);
        var hybrid = await SearchAsync(_bed, "how long do approved refunds take");
        Assert.Equal(SearchMode.Hybrid, hybrid.Mode);
        Assert.Equal("refunds", hybrid.Hits[0].Slug);

        Assert.Null((await ChangeAsync(_bed, l => l.DeleteAsync(id, Curator, Ct))).IndexWarning);
        Assert.Equal(1, Points);
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.Internal)]
    public async Task Delete_QdrantFailing_DeletesFromTheDatabaseWhole_HidesItFromSearch_AndReindexDropsThePoints(StatusCode error)
    {
        var id = await IngestTwoAsync();
        _server.Faults.Fail(error);

        var deleted = await ChangeAsync(_bed, l => l.DeleteAsync(id, Curator, Ct));

        Assert.Contains("saved, but the search index was not updated", deleted.IndexWarning, StringComparison.Ordinal);
        await using (var db = _bed.NewContext())
            Assert.Equal((0, 0, 0), (await db.Documents.CountAsync(d => d.Id == id, Ct), await db.Chunks.CountAsync(c => c.DocumentId == id, Ct),
                await db.DocumentVersions.CountAsync(v => v.DocumentId == id, Ct)));
        Assert.Equal(4, Points);
        _server.Faults.Heal();
        // The stale points are still in Qdrant, but search shows only chunks the database has.
        Assert.DoesNotContain((await SearchAsync(_bed, "how long do approved refunds take")).Hits, h => h.Slug == "refunds");

        var report = await _bed.WithAsync(sp => sp.GetRequiredService<ReindexService>().ReindexAsync(Ct));
        Assert.Equal((3, true, 1L), (report.VectorsOrphaned, report.VectorMismatch, report.VectorsAfter));
        Assert.Equal(1, Points);
    }

    [Fact]
    public async Task Archive_QdrantDown_ArchivesInTheDatabase_AndSearchLeavesItOut()
    {
        var id = await IngestTwoAsync();
        await _server.StopAsync(Ct);

        var archived = await ChangeAsync(_bed, l => l.ArchiveAsync(id, Curator, Ct));

        Assert.Contains("run 'puo kb reindex'", archived.IndexWarning, StringComparison.Ordinal);
        await _server.StartAsync(Ct);
        Assert.Equal(4, Points);
        Assert.DoesNotContain((await SearchAsync(_bed, "how long do approved refunds take")).Hits, h => h.Slug == "refunds");
        await using var db = _bed.NewContext();
        Assert.Equal(Persistence.Entities.DocumentStatus.Archived, (await db.Documents.SingleAsync(d => d.Id == id, Ct)).Status);
    }
}
