using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.Application.Tests.Knowledge.KnowledgeTestBed;

namespace PuoAiOps.Application.Tests.Knowledge;

/// <summary>Searches read the glossary from memory: an edit in this process is seen at once, one by another process within the refresh interval.</summary>
public sealed class GlossaryCacheTests
{
    private static Task<KnowledgeSearchResult> SearchAsync(KnowledgeTestBed bed, string query) =>
        bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSearchService>().SearchAsync(new KnowledgeQuery(query, 5), Ct));

    [Fact]
    public async Task Search_SeesAGlossaryEditAndARemovalAtOnce()
    {
        await using var bed = await CreateAsync();
        await bed.IngestAsync("recharge.md", "# Recharge\n\nA recharge that failed is returned to the card within 3 days.\n");
        // The first search loads (and keeps) the empty glossary.
        Assert.Empty((await SearchAsync(bed, "top-up missing")).Hits);

        await bed.WithAsync(sp => sp.GetRequiredService<GlossaryService>().SetAsync("en", "recharge", ["top-up"], "curator-1", Ct));
        Assert.Equal("recharge", Assert.Single((await SearchAsync(bed, "top-up missing")).Hits).Slug);

        Assert.True(await bed.WithAsync(sp => sp.GetRequiredService<GlossaryService>().RemoveAsync("en", "recharge", Ct)));
        Assert.Empty((await SearchAsync(bed, "top-up missing")).Hits);
    }

    [Fact]
    public async Task Entries_SeeAnEditByAnotherProcess_OnlyAfterTheRefreshInterval()
    {
        await using var bed = await CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var cache = new GlossaryCache(bed.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        Assert.Empty(await cache.EntriesAsync(Ct));

        // Another process (the CLI) writes the table directly: this process's cache is not told.
        await using (var db = bed.NewContext())
        {
            db.Glossary.Add(new GlossaryEntry { Locale = "zh-CN", Term = "充值", Synonyms = ["储值"], UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }
        Assert.Empty(await cache.EntriesAsync(Ct));

        clock.Advance(GlossaryCache.RefreshAfter);
        var entry = Assert.Single(await cache.EntriesAsync(Ct));
        Assert.Equal("zh-CN", entry.Locale);
        Assert.Equal(["充值", "储值"], entry.Terms);
    }
}
