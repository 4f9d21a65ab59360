using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Changes;
using static PuoAiOps.Application.Tests.Taxonomy.TaxonomyTestBed;

namespace PuoAiOps.Application.Tests.Taxonomy;

/// <summary>The versions and proposals tables page on the server: every approval publishes a version.</summary>
public sealed class TaxonomyPagingTests
{
    private static TaxonomyChangeService Changes(PuoDbContext db) => new(db, NullLogger<TaxonomyChangeService>.Instance);

    private static async Task<TaxonomyTestBed> SeedAsync()
    {
        var bed = await CreateAsync();
        var domain = await bed.AddDomainAsync("payments");
        for (var i = 0; i < 5; i++)
        {
            var intent = await bed.AddIntentAsync(domain, $"intent_{i}");
            var change = await bed.WithAsync(db => Changes(db).ProposeDeprecateAsync(new DeprecateIntentPayload { IntentId = intent }, bed.Curator, Ct));
            if (i < 3) await bed.WithAsync(db => Changes(db).ApproveAsync(change.Id, bed.Reviewer, $"note {i}", Ct));
            else if (i == 3) await bed.WithAsync(db => Changes(db).RejectAsync(change.Id, bed.Reviewer, "still asked", Ct));
        }
        return bed;
    }

    [Fact]
    public async Task Versions_PageNewestFirst_OrOldestFirst_WithTheTotal()
    {
        await using var bed = await SeedAsync();
        var first = await bed.WithAsync(db => new TaxonomyService(db).ListVersionsAsync(0, 2, ct: Ct));
        Assert.Equal(3, first.Total);
        Assert.Equal([3, 2], first.Items.Select(v => v.Number));
        Assert.Equal("Rex Reviewer", first.Items[0].PublishedByName);
        var second = await bed.WithAsync(db => new TaxonomyService(db).ListVersionsAsync(2, 2, ct: Ct));
        Assert.Equal([1], second.Items.Select(v => v.Number));
        var oldest = await bed.WithAsync(db => new TaxonomyService(db).ListVersionsAsync(0, 2, oldestFirst: true, Ct));
        Assert.Equal([1, 2], oldest.Items.Select(v => v.Number));
        Assert.Equal(3, await bed.WithAsync(db => new TaxonomyService(db).CurrentVersionNumberAsync(Ct)));
    }

    [Fact]
    public async Task Proposals_PageByStatus_NewestFirst_WithTheTotal()
    {
        await using var bed = await SeedAsync();
        var approved = await bed.WithAsync(db => Changes(db).QueryAsync(ReviewStatus.Approved, 0, 2, Ct));
        Assert.Equal(3, approved.Total);
        Assert.Equal(2, approved.Items.Count);
        Assert.True(approved.Items[0].Id > approved.Items[1].Id);
        Assert.Equal(1, (await bed.WithAsync(db => Changes(db).QueryAsync(ReviewStatus.Rejected, 0, 25, Ct))).Total);
        Assert.Equal(1, (await bed.WithAsync(db => Changes(db).QueryAsync(ReviewStatus.Pending, 0, 25, Ct))).Total);
        var all = await bed.WithAsync(db => Changes(db).QueryAsync(null, 4, 25, Ct));
        Assert.Equal(5, all.Total);
        Assert.Single(all.Items);
    }

    [Fact]
    public async Task Versions_BeforeAnyApproval_AreEmpty()
    {
        await using var bed = await CreateAsync();
        var page = await bed.WithAsync(db => new TaxonomyService(db).ListVersionsAsync(0, 25, ct: Ct));
        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
        Assert.Null(await bed.WithAsync(db => new TaxonomyService(db).CurrentVersionNumberAsync(Ct)));
    }
}
