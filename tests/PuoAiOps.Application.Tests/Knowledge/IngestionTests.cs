using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Knowledge.Search;
using static PuoAiOps.Application.Tests.Knowledge.KnowledgeTestBed;

namespace PuoAiOps.Application.Tests.Knowledge;

public sealed class IngestionTests
{
    internal const string Refunds = """
        ---
        title: Refund policy
        owner: payments-team
        domain: payments
        intents: [refund_request]
        review_by: 2027-03-01
        ---
        # Refund policy

        Unused coins can be refunded within 14 days.

        ## Who decides

        Apple decides App Store refunds; Google decides Play refunds in the first 48 hours.

        ## How long it takes

        Approved refunds take 5-10 business days.
        """;

    private static Task<KnowledgeSearchResult> SearchAsync(KnowledgeTestBed bed, string query, SearchFilter? filter = null) =>
        bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSearchService>().SearchAsync(new KnowledgeQuery(query, 5, filter), Ct));

    [Fact]
    public async Task Ingest_StoresDocumentMetadataRevisionAndChunks()
    {
        await using var bed = await CreateAsync();

        var result = await bed.IngestAsync("refunds.md", Refunds);

        Assert.Equal((IngestStatus.Created, "refunds", "Refund policy", 1, 3), (result.Status, result.Slug, result.Title, result.Revision, result.ChunksAdded));
        await using var db = bed.NewContext();
        var document = await db.Documents.Include(d => d.Chunks).SingleAsync(Ct);
        Assert.Equal(("payments-team", "payments", new DateOnly(2027, 3, 1), "test:refunds.md", "curator-1"),
            (document.Owner, document.Domain, document.ReviewBy, document.Source, document.UploadedById));
        Assert.Equal(["refund_request"], document.Intents);
        Assert.Equal("en", document.Locale);
        Assert.All(document.Chunks, c => Assert.Equal(32, c.ContentHash.Length));
        Assert.Equal(1, await db.DocumentVersions.CountAsync(Ct));
    }

    [Fact]
    public async Task Ingest_EditReindexesOnlyTheChangedChunkAndSearchSeesTheEdit()
    {
        await using var bed = await CreateAsync(dense: true);
        await bed.IngestAsync("refunds.md", Refunds);
        var embeddedAfterFirst = bed.Generator!.Texts;
        await using (var db = bed.NewContext())
        {
            var before = await db.Chunks.OrderBy(c => c.Ordinal).Select(c => c.Id).ToListAsync(Ct);
            var edited = Refunds.Replace("5-10 business days", "3 business days by express review", StringComparison.Ordinal);

            var result = await bed.IngestAsync("refunds.md", edited);

            Assert.Equal((IngestStatus.Updated, 2, 1, 1, 2), (result.Status, result.Revision, result.ChunksAdded, result.ChunksRemoved, result.ChunksKept));
            Assert.Equal(1, bed.Generator.Texts - embeddedAfterFirst);
            var after = await db.Chunks.OrderBy(c => c.Ordinal).Select(c => c.Id).ToListAsync(Ct);
            Assert.Equal(before.Take(2), after.Take(2));
            Assert.NotEqual(before[2], after[2]);
        }

        var hits = await SearchAsync(bed, "express review");
        Assert.Contains("express review", hits.Hits[0].Text, StringComparison.Ordinal);
        var old = await bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSearchService>().SearchAsync(new KnowledgeQuery("5-10 business days", 5, Mode: SearchMode.Keyword), Ct));
        Assert.DoesNotContain(old.Hits, h => h.Text.Contains("5-10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_SameContentAgainIsUnchanged()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", Refunds);

        var again = await bed.IngestAsync("refunds.md", Refunds);

        Assert.Equal((IngestStatus.Unchanged, 1), (again.Status, again.Revision));
        await using var db = bed.NewContext();
        Assert.Equal(1, await db.DocumentVersions.CountAsync(Ct));
    }

    [Fact]
    public async Task History_DiffsTwoRevisions()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", Refunds);
        await bed.IngestAsync("refunds.md", Refunds.Replace("5-10 business days", "3 business days", StringComparison.Ordinal));
        await using var db = bed.NewContext();
        var id = await db.Documents.Select(d => d.Id).SingleAsync(Ct);

        var diff = await bed.WithAsync(sp => sp.GetRequiredService<DocumentHistoryService>().DiffAsync(id, 1, 2, Ct));

        Assert.Contains(diff, l => l.Change == '-' && l.Text.Contains("5-10 business days", StringComparison.Ordinal));
        Assert.Contains(diff, l => l.Change == '+' && l.Text.Contains("3 business days", StringComparison.Ordinal));
        Assert.Equal(2, (await bed.WithAsync(sp => sp.GetRequiredService<DocumentHistoryService>().RevisionsAsync(id, Ct))).Count);
    }

    [Fact]
    public async Task Search_FiltersByLocaleDomainAndIntent()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", Refunds);
        await bed.IngestAsync("refunds-zh.md", "---\nslug: refunds\nlocale: zh-CN\ndomain: payments\n---\n# 退款规则\n\n未使用的金币可在14天内申请退款。\n");
        await bed.IngestAsync("lag.md", "---\ndomain: streaming\n---\n# Stream lag\n\nIf coins or refunds lag, restart the stream.\n");

        Assert.Equal(2, (await SearchAsync(bed, "refunds coins")).Hits.Select(h => h.Slug).Distinct().Count());
        Assert.All((await SearchAsync(bed, "refunds", new SearchFilter(Domain: "payments"))).Hits, h => Assert.Equal("refunds", h.Slug));
        Assert.Empty((await SearchAsync(bed, "refunds", new SearchFilter(Intent: "nothing_like_it"))).Hits);
        var zh = await SearchAsync(bed, "金币退款", new SearchFilter(Locale: "zh-CN"));
        Assert.Equal("zh-CN", Assert.Single(zh.Hits).Locale);
    }

    [Fact]
    public async Task Search_AppliesTheGlossary()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("recharge.md", "# Recharge\n\nA recharge that failed is returned to the card within 3 days.\n");
        Assert.Empty((await SearchAsync(bed, "top-up missing")).Hits);

        await bed.WithAsync(sp => sp.GetRequiredService<GlossaryService>().SetAsync("en", "recharge", ["top-up", "top up"], "curator-1", Ct));

        var result = await SearchAsync(bed, "top-up missing");
        Assert.Equal("recharge", Assert.Single(result.Hits).Slug);
        Assert.Contains("recharge", result.ExpandedQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_RebuildsFromTheDatabaseAndReportsTheMismatch()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("refunds.md", Refunds);
        bed.Services.GetRequiredService<KnowledgeIndexes>().Keyword.Clear();

        var report = await bed.WithAsync(sp => sp.GetRequiredService<ReindexService>().ReindexAsync(Ct));

        Assert.Equal((3, 0, 3, true), (report.Chunks, report.KeywordBefore, report.KeywordAfter, report.KeywordMismatch));
        Assert.NotEmpty((await SearchAsync(bed, "refunds")).Hits);
    }

    [Fact]
    public async Task FolderSync_IngestsGoodFilesAndReportsBadOnesWithLocaleFromTheFolder()
    {
        await using var bed = await CreateAsync();
        var folder = Path.Combine(bed.DataDir, "sop");
        Directory.CreateDirectory(Path.Combine(folder, "zh-CN"));
        await File.WriteAllTextAsync(Path.Combine(folder, "refunds.md"), Refunds, Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "zh-CN", "lag.txt"), "直播卡顿时请先检查网络。", Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "manual.pdf"), [0x25, 0x50, 0x44, 0x46], Ct);

        var outcomes = await bed.WithAsync(sp => sp.GetRequiredService<KnowledgeFolderSync>().IngestPathAsync(folder, null, Ct));

        Assert.Equal(3, outcomes.Count);
        Assert.Contains("unsupported type '.pdf'", Assert.Single(outcomes, o => o.Error is not null).Error!, StringComparison.Ordinal);
        Assert.Equal("zh-CN", outcomes.Single(o => o.Path.EndsWith("lag.txt", StringComparison.Ordinal)).Result!.Locale);
    }
}
