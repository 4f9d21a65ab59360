using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Application.Tests.Knowledge.KnowledgeTestBed;

namespace PuoAiOps.Application.Tests.Knowledge;

/// <summary>Archive (reversible, out of retrieval and the list), restore, delete (everything of the document), on the embedded indexes.</summary>
public sealed class DocumentLifecycleTests
{
    internal static readonly Actor Curator = Actor.User("curator-1", "Cora Curator", Roles.Curator);

    internal static Task<KnowledgeSearchResult> SearchAsync(KnowledgeTestBed bed, string query) =>
        bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSearchService>().SearchAsync(new KnowledgeQuery(query, 5), Ct));

    internal static Task<DocumentChange> ChangeAsync(KnowledgeTestBed bed, Func<DocumentLifecycle, Task<DocumentChange>> change) =>
        bed.WithAsync(sp => change(sp.GetRequiredService<DocumentLifecycle>()));

    private static Task<DocumentListPage> ListAsync(KnowledgeTestBed bed, bool archived) =>
        bed.WithAsync(sp => sp.GetRequiredService<DocumentCatalog>().PageAsync(new DocumentQuery(new DateOnly(2027, 1, 1), Archived: archived), 0, 50, ct: Ct));

    private static async Task<long> DocumentIdAsync(KnowledgeTestBed bed)
    {
        await using var db = bed.NewContext();
        return await db.Documents.Select(d => d.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task Archive_HidesTheDocumentFromSearchAndTheList_RestoreBringsItBack()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        var id = await DocumentIdAsync(bed);
        var keyword = bed.Services.GetRequiredService<KnowledgeIndexes>().Keyword;

        var archived = await ChangeAsync(bed, l => l.ArchiveAsync(id, Curator, Ct));

        Assert.Equal((DocumentChangeKind.Archived, null), (archived.Change, archived.IndexWarning));
        Assert.Empty((await SearchAsync(bed, "approved refunds business days")).Hits);
        Assert.Equal(0, keyword.Count);
        Assert.Empty((await ListAsync(bed, archived: false)).Rows);
        Assert.True(Assert.Single((await ListAsync(bed, archived: true)).Rows).Archived);
        await Assert.ThrowsAsync<ConflictException>(() => ChangeAsync(bed, l => l.ArchiveAsync(id, Curator, Ct)));

        await ChangeAsync(bed, l => l.RestoreAsync(id, Curator, Ct));

        Assert.Contains("5-10 business days", (await SearchAsync(bed, "approved refunds business days")).Hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(3, keyword.Count);
        Assert.Single((await ListAsync(bed, archived: false)).Rows);
        await using var db = bed.NewContext();
        Assert.Equal(["knowledge.document-archived", "knowledge.document-restored"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task Delete_RemovesTheDocumentItsRevisionsChunksAndIndexEntries()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        await bed.IngestAsync("other.md", "# Shipping\n\nParcels ship on Tuesdays.\n");
        await using (var db = bed.NewContext())
        {
            var id = await db.Documents.Where(d => d.Slug == "refunds").Select(d => d.Id).SingleAsync(Ct);
            var deleted = await ChangeAsync(bed, l => l.DeleteAsync(id, Curator, Ct));
            Assert.Equal((DocumentChangeKind.Deleted, "refunds", null), (deleted.Change, deleted.Slug, deleted.IndexWarning));
        }

        await using var after = bed.NewContext();
        Assert.Equal(["other"], await after.Documents.Select(d => d.Slug).ToListAsync(Ct));
        Assert.Equal(1, await after.Chunks.CountAsync(Ct));
        Assert.Equal(1, await after.DocumentVersions.CountAsync(Ct));
        Assert.Equal(1, bed.Services.GetRequiredService<KnowledgeIndexes>().Keyword.Count);
        Assert.Empty((await SearchAsync(bed, "approved refunds")).Hits);
        Assert.Contains("knowledge.document-deleted", await after.AuditLog.Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task Lifecycle_RefusesAReaderAndAnUnknownDocument_AndChangesNothing()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        var id = await DocumentIdAsync(bed);
        var viewer = Actor.User("viewer-1", "Vic Viewer", Roles.Viewer);

        await Assert.ThrowsAsync<ForbiddenException>(() => ChangeAsync(bed, l => l.ArchiveAsync(id, viewer, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => ChangeAsync(bed, l => l.DeleteAsync(id, viewer, Ct)));
        await Assert.ThrowsAsync<NotFoundException>(() => ChangeAsync(bed, l => l.DeleteAsync(id + 99, Curator, Ct)));

        await using var db = bed.NewContext();
        Assert.Equal((DocumentStatus.Published, 3), ((await db.Documents.SingleAsync(Ct)).Status, await db.Chunks.CountAsync(Ct)));
        Assert.NotEmpty((await SearchAsync(bed, "approved refunds")).Hits);
    }

    [Fact]
    public async Task Reindex_LeavesArchivedDocumentsOut_AndReingestingOneKeepsItOut()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        await bed.IngestAsync("other.md", "# Shipping\n\nParcels ship on Tuesdays.\n");
        await using (var db = bed.NewContext())
        {
            var id = await db.Documents.Where(d => d.Slug == "refunds").Select(d => d.Id).SingleAsync(Ct);
            await ChangeAsync(bed, l => l.ArchiveAsync(id, Curator, Ct));
        }

        var report = await bed.WithAsync(sp => sp.GetRequiredService<ReindexService>().ReindexAsync(Ct));
        Assert.Equal((1, 1, 1, false), (report.Documents, report.Chunks, report.KeywordAfter, report.KeywordMismatch));

        // A new revision of an archived document is stored, and stays out of retrieval until it is restored.
        var edit = await bed.IngestAsync("refunds.md", IngestionTests.Refunds.Replace("5-10 business days", "3 business days", StringComparison.Ordinal));
        Assert.Equal(2, edit.Revision);
        Assert.Empty((await SearchAsync(bed, "approved refunds business days")).Hits);
        Assert.Equal(1, bed.Services.GetRequiredService<KnowledgeIndexes>().Keyword.Count);
    }

    [Fact]
    public async Task Find_TakesAnIdOrASlug_AndAsksForTheLocaleWhenTheSlugIsAmbiguous()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", IngestionTests.Refunds);
        await bed.IngestAsync("refunds.md", "# 退款政策\n\n未使用的金币可在 14 天内退款。\n", locale: "zh-CN");
        await using var db = bed.NewContext();
        var english = await db.Documents.Where(d => d.Locale == "en").Select(d => d.Id).SingleAsync(Ct);

        Assert.Equal(english, await bed.WithAsync(sp => sp.GetRequiredService<DocumentLifecycle>().FindAsync(english.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Ct)));
        Assert.Equal(english, await bed.WithAsync(sp => sp.GetRequiredService<DocumentLifecycle>().FindAsync("refunds", "en", Ct)));
        var ambiguous = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync(sp => sp.GetRequiredService<DocumentLifecycle>().FindAsync("refunds", null, Ct)));
        Assert.Equal(CodedMessage.Of(KnowledgeRefusal.LocaleAmbiguous, "refunds", "en, zh-CN"), ambiguous.Codes["locale"].Single());
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => bed.WithAsync(sp => sp.GetRequiredService<DocumentLifecycle>().FindAsync("nope", null, Ct)));
        Assert.Equal(CodedMessage.Of(KnowledgeRefusal.NoDocumentNamed, "nope"), missing.Code);
    }
}
