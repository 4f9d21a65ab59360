using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;
using static PuoAiOps.Application.Tests.Taxonomy.TaxonomyTestBed;

namespace PuoAiOps.Application.Tests.Taxonomy;

/// <summary>The intents table (paged, sorted and filtered on the server) and the intent picker's search.</summary>
public sealed class IntentQueriesTests
{
    private static async Task<TaxonomyTestBed> SeedAsync()
    {
        var bed = await CreateAsync();
        var payments = await bed.AddDomainAsync("payments", 1);
        var account = await bed.AddDomainAsync("account", 2);
        await bed.AddIntentAsync(payments, "recharge_failed", configure: i => i.Names = new() { ["en"] = "Recharge failed", ["zh-CN"] = "充值失败" });
        await bed.AddIntentAsync(payments, "old_recharge", IntentStatus.Deprecated, i => i.Names = new() { ["en"] = "Old recharge" });
        await bed.AddIntentAsync(payments, "refund_status", IntentStatus.Draft, i => { i.Names = new() { ["en"] = "Refund status" }; i.Description = "Where is my money back after a failed recharge"; });
        await bed.AddIntentAsync(account, "account_locked", configure: i => i.Names = new() { ["en"] = "Account locked", ["zh-CN"] = "账号被锁" });
        await bed.AddIntentAsync(account, "password_reset", configure: i => i.Names = new() { ["en"] = "Password reset" });
        return bed;
    }

    private static Task<IntentTablePage> QueryAsync(TaxonomyTestBed bed, IntentTableQuery query) =>
        bed.WithAsync(db => new IntentQueries(db).QueryAsync(query, Ct));

    [Fact]
    public async Task Query_SearchesKeysAndNamesInEveryLocale_FiltersByStatusAndDomain()
    {
        await using var bed = await SeedAsync();
        var chinese = await QueryAsync(bed, new IntentTableQuery(Search: "充值"));
        Assert.Equal(["recharge_failed"], chinese.Items.Select(i => i.Key));
        Assert.Equal("payments", chinese.Items[0].DomainKey);

        var byKey = await QueryAsync(bed, new IntentTableQuery(Search: "LOCKED"));
        Assert.Equal(["account_locked"], byKey.Items.Select(i => i.Key));

        var drafts = await QueryAsync(bed, new IntentTableQuery(Status: IntentStatus.Draft));
        Assert.Equal(["refund_status"], drafts.Items.Select(i => i.Key));

        var account = await QueryAsync(bed, new IntentTableQuery(DomainKey: "account"));
        Assert.Equal(["account_locked", "password_reset"], account.Items.Select(i => i.Key));

        var none = await QueryAsync(bed, new IntentTableQuery(Search: "nothing-like-this", Status: IntentStatus.Draft));
        Assert.Empty(none.Items);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task Query_PagesAndSorts_AndCountsEveryMatch()
    {
        await using var bed = await SeedAsync();
        var first = await QueryAsync(bed, new IntentTableQuery(Take: 2));
        Assert.Equal(5, first.Total);
        // By domain sort order, then key.
        Assert.Equal(["old_recharge", "recharge_failed"], first.Items.Select(i => i.Key));
        var third = await QueryAsync(bed, new IntentTableQuery(Skip: 4, Take: 2));
        Assert.Equal(["password_reset"], third.Items.Select(i => i.Key));

        var byKeyDescending = await QueryAsync(bed, new IntentTableQuery(Sort: IntentSort.Key, Descending: true, Take: 2));
        Assert.Equal(["refund_status", "recharge_failed"], byKeyDescending.Items.Select(i => i.Key));
        var byName = await QueryAsync(bed, new IntentTableQuery(Sort: IntentSort.Name, Take: 1));
        Assert.Equal("account_locked", byName.Items[0].Key);
    }

    [Fact]
    public async Task Search_MatchesDescriptions_RanksKeysFirst_AndLeavesDeprecatedOut()
    {
        await using var bed = await SeedAsync();
        var found = await bed.WithAsync(db => new IntentQueries(db).SearchAsync("recharge", ct: Ct));
        // Key match first; the deprecated old_recharge is not offered; refund_status only by its description.
        Assert.Equal(["recharge_failed", "refund_status"], found.Select(i => i.Key));

        var withDeprecated = await bed.WithAsync(db => new IntentQueries(db).SearchAsync("recharge", includeDeprecated: true, ct: Ct));
        Assert.Contains(withDeprecated, i => i.Key == "old_recharge");

        var chinese = await bed.WithAsync(db => new IntentQueries(db).SearchAsync("账号", ct: Ct));
        Assert.Equal(["account_locked"], chinese.Select(i => i.Key));

        var everything = await bed.WithAsync(db => new IntentQueries(db).SearchAsync("", take: 3, ct: Ct));
        Assert.Equal(3, everything.Count);
    }
}
