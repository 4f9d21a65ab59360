using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Application.Tests.Knowledge.KnowledgeTestBed;

namespace PuoAiOps.Application.Tests.Knowledge;

public sealed class DocumentEditorTests
{
    private static async Task<DocumentDetails> DetailsAsync(KnowledgeTestBed bed, DateOnly? today = null)
    {
        await using var db = bed.NewContext();
        var id = await db.Documents.Select(d => d.Id).SingleAsync(Ct);
        return await bed.WithAsync(sp => sp.GetRequiredService<DocumentCatalog>().GetAsync(id, today ?? new DateOnly(2026, 12, 6), Ct));
    }

    [Fact]
    public async Task Save_StoresANewRevision_ReindexesTheChangedChunk_AndSearchSeesIt()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        var before = await DetailsAsync(bed);

        var edited = before.Source.Replace("5-10 business days", "3 business days via the zebra desk", StringComparison.Ordinal);
        var result = await bed.WithAsync(sp => sp.GetRequiredService<DocumentEditor>().SaveAsync(before.Id, before.Version, edited, "curator-2", Ct));

        Assert.Equal((IngestStatus.Updated, 2, 1, 1), (result.Status, result.Revision, result.ChunksAdded, result.ChunksRemoved));
        var hits = await bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSearchService>().SearchAsync(new KnowledgeQuery("zebra"), Ct));
        Assert.Equal("refunds", Assert.Single(hits.Hits).Slug);
        var diff = await bed.WithAsync(sp => sp.GetRequiredService<DocumentHistoryService>().DiffAsync(before.Id, 1, 2, Ct));
        Assert.Contains(diff, l => l.Change == '+' && l.Text.Contains("zebra", StringComparison.Ordinal));
        var after = await DetailsAsync(bed);
        Assert.Equal(("editor", "curator-2"), (after.SourceName, after.UploadedById));
    }

    [Fact]
    public async Task Save_WithAStaleStamp_IsRefused_AndWritesNothing()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        var opened = await DetailsAsync(bed);
        var editor = (Func<string, Task<IngestResult>>)(text =>
            bed.WithAsync(sp => sp.GetRequiredService<DocumentEditor>().SaveAsync(opened.Id, opened.Version, text, "curator-2", Ct)));
        await editor(opened.Source + "\nFirst edit.\n");

        var ex = await Assert.ThrowsAsync<ConflictException>(() => editor(opened.Source + "\nSecond edit on the old stamp.\n"));

        Assert.Equal(CodedMessage.Of(KnowledgeRefusal.ChangedSinceOpened, opened.Slug, opened.Locale), ex.Code);
        await using var db = bed.NewContext();
        Assert.Equal(2, await db.DocumentVersions.CountAsync(Ct));
        Assert.Contains("First edit.", (await db.Documents.SingleAsync(Ct)).Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_RefusesFrontMatterThatWouldMoveTheEditToAnotherDocument()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        var opened = await DetailsAsync(bed);

        var moved = opened.Source.Replace("title: Refund policy", "title: Refund policy\nslug: other-page", StringComparison.Ordinal);
        await Assert.ThrowsAsync<ValidationException>(() =>
            bed.WithAsync(sp => sp.GetRequiredService<DocumentEditor>().SaveAsync(opened.Id, opened.Version, moved, "curator-2", Ct)));

        await using var db = bed.NewContext();
        Assert.Equal(1, await db.Documents.CountAsync(Ct));
    }

    [Fact]
    public async Task Save_OfADocumentWithoutStoredRevisions_RecordsItsTextFirst_SoTheEditHasADiff()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        await using (var db = bed.NewContext())
            await db.DocumentVersions.ExecuteDeleteAsync(Ct); // as the demo's documents, which were never ingested
        var opened = await DetailsAsync(bed);

        await bed.WithAsync(sp => sp.GetRequiredService<DocumentEditor>().SaveAsync(opened.Id, opened.Version, opened.Source + "\nAdded line.\n", "curator-2", Ct));

        var revisions = await bed.WithAsync(sp => sp.GetRequiredService<DocumentHistoryService>().RevisionsAsync(opened.Id, Ct));
        Assert.Equal([2, 1], revisions.Select(r => r.Revision));
    }

    [Fact]
    public async Task Catalog_FiltersByStaleAndLocale_AndShowsChunkIndexState()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds); // review_by 2027-03-01
        await bed.IngestAsync("lag.md", "# Stream lag\n\nLower the bitrate.\n");
        var catalog = (Func<DocumentQuery, Task<DocumentListPage>>)(q => bed.WithAsync(sp => sp.GetRequiredService<DocumentCatalog>().PageAsync(q, 0, 10, ct: Ct)));

        Assert.Equal(2, (await catalog(new DocumentQuery(new DateOnly(2027, 3, 2)))).Total);
        var stale = await catalog(new DocumentQuery(new DateOnly(2027, 3, 2), Stale: true));
        Assert.Equal("refunds", Assert.Single(stale.Rows).Slug);
        Assert.True(stale.Rows[0].Stale);
        Assert.Empty((await catalog(new DocumentQuery(new DateOnly(2027, 3, 1), Stale: true))).Rows);
        Assert.Empty((await catalog(new DocumentQuery(new DateOnly(2027, 3, 1), Locale: "zh-CN"))).Rows);

        var chunks = await bed.WithAsync(sp => sp.GetRequiredService<DocumentCatalog>().ChunksAsync(stale.Rows[0].Id, Ct));
        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, c => Assert.True(c.InKeywordIndex));
        Assert.All(chunks, c => Assert.Equal(VectorState.None, c.Vector));
    }
}
