using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Application.Tests.Taxonomy.TaxonomyTestBed;

namespace PuoAiOps.Application.Tests.Taxonomy;

public sealed class TaxonomyServiceTests
{
    [Fact]
    public async Task List_FiltersByStatus_AndSearchesKeysAndNamesInEveryLocale()
    {
        await using var bed = await CreateAsync();
        var payments = await bed.AddDomainAsync("payments", 1);
        var account = await bed.AddDomainAsync("account", 2);
        await bed.AddIntentAsync(payments, "recharge_failed", configure: i => i.Names = new() { ["en"] = "Recharge failed", ["zh-CN"] = "充值失败" });
        await bed.AddIntentAsync(payments, "old_recharge", IntentStatus.Deprecated);
        await bed.AddIntentAsync(account, "password_reset");

        var all = await bed.WithAsync(db => new TaxonomyService(db).ListAsync(null, Ct));
        Assert.Equal(["payments", "account"], all.Select(d => d.Key));
        Assert.Equal(["old_recharge", "recharge_failed"], all[0].Intents.Select(i => i.Key));

        var active = await bed.WithAsync(db => new TaxonomyService(db).ListAsync(new TaxonomyQuery(IntentStatus.Active), Ct));
        Assert.Equal(["recharge_failed", "password_reset"], active.SelectMany(d => d.Intents).Select(i => i.Key));

        var chinese = await bed.WithAsync(db => new TaxonomyService(db).ListAsync(new TaxonomyQuery(Search: "充值"), Ct));
        Assert.Equal("recharge_failed", Assert.Single(Assert.Single(chinese).Intents).Key);
        var byKey = await bed.WithAsync(db => new TaxonomyService(db).ListAsync(new TaxonomyQuery(Search: "PASSWORD"), Ct));
        Assert.Equal("account", Assert.Single(byKey).Key);
    }

    [Fact]
    public async Task GetIntent_CountsUsage_AndListsPendingProposalsThatTouchIt()
    {
        await using var bed = await CreateAsync();
        var domain = await bed.AddDomainAsync("payments");
        var intent = await bed.AddIntentAsync(domain, "recharge_failed");
        var other = await bed.AddIntentAsync(domain, "refund_status");
        await bed.AddLabelledQuestionAsync(intent, "recharge failed", gold: true, adjudicated: true);
        await bed.AddLabelledQuestionAsync(intent, "coins missing");
        await bed.AddLabelledQuestionAsync(other, "refund?");
        await bed.AddConversationAsync(intent, "recharge failed");
        await bed.AddScriptAsync(intent, "en");
        var merge = await bed.WithAsync(db => Changes(db).ProposeMergeAsync(new MergeIntentsPayload { SourceIds = [other], TargetId = intent }, bed.Curator, Ct));

        var details = await bed.WithAsync(db => new TaxonomyService(db).GetIntentAsync(intent, Ct));
        Assert.Equal(new IntentUsage(Labels: 4, FinalLabels: 2, Predictions: 2, GoldItems: 1, Adjudications: 1, Scripts: 1, Conversations: 1), details.Usage);
        Assert.Equal(("payments", "en", true), (details.DomainKey, Assert.Single(details.Scripts).Locale, details.Scripts[0].Published));
        Assert.Equal([merge.Id], details.PendingChangeIds);
        Assert.Equal(details.Id, (await bed.WithAsync(db => new TaxonomyService(db).GetIntentByKeyAsync("recharge_failed", Ct))).Id);
        var noIntent = await Assert.ThrowsAsync<NotFoundException>(() => bed.WithAsync(db => new TaxonomyService(db).GetIntentAsync(9999, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.IntentMissing, 9999), noIntent.Code);
        var noKey = await Assert.ThrowsAsync<NotFoundException>(() => bed.WithAsync(db => new TaxonomyService(db).GetIntentByKeyAsync("no_such_intent", Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.IntentKeyMissing, "no_such_intent"), noKey.Code);
        var noVersion = await Assert.ThrowsAsync<NotFoundException>(() => bed.WithAsync(db => new TaxonomyService(db).GetVersionAsync(1, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.VersionMissing, 1), noVersion.Code);
    }
}
