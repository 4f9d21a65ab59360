using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Taxonomy;
using static PuoAiOps.Application.Tests.Taxonomy.TaxonomyTestBed;

namespace PuoAiOps.Application.Tests.Taxonomy;

public sealed class MergeAndSplitTests
{
    /// <summary>Every row that points at the intent, table by table.</summary>
    private static async Task<ReferenceCounts> CountAsync(PuoDbContext db, int id) => new(
        Labels: await db.Labels.CountAsync(l => l.IntentId == id, Ct),
        FinalLabels: await db.Questions.CountAsync(q => q.FinalIntentId == id, Ct),
        Predictions: await db.Questions.CountAsync(q => q.PredictedIntentId == id, Ct),
        GoldItems: await db.Items.CountAsync(i => i.GoldIntentId == id, Ct),
        Adjudications: await db.Adjudications.CountAsync(a => a.IntentId == id, Ct),
        Conversations: await db.Conversations.CountAsync(c => c.IntentId == id, Ct),
        Turns: await db.Turns.CountAsync(t => t.IntentId == id, Ct));

    private sealed record MergeWorld(int A, int B, int Target, long ScriptAEn, long ScriptAZh, long ScriptBEn, long ScriptTargetZh);

    /// <summary>Sources a (3 questions, 1 gold, 1 adjudicated, 2 conversations) and b (2 questions, 1 conversation) into target (1 question).</summary>
    private static async Task<MergeWorld> SeedMergeAsync(TaxonomyTestBed bed)
    {
        var domain = await bed.AddDomainAsync("payments");
        var a = await bed.AddIntentAsync(domain, "recharge_failed");
        var b = await bed.AddIntentAsync(domain, "recharge_pending");
        var target = await bed.AddIntentAsync(domain, "recharge_problem");
        await bed.AddLabelledQuestionAsync(a, "my recharge failed", gold: true);
        await bed.AddLabelledQuestionAsync(a, "coins did not arrive", adjudicated: true);
        await bed.AddLabelledQuestionAsync(a, "充值失败了");
        await bed.AddLabelledQuestionAsync(b, "recharge still pending");
        await bed.AddLabelledQuestionAsync(b, "payment processing forever");
        await bed.AddLabelledQuestionAsync(target, "problem with recharge");
        await bed.AddConversationAsync(a, "recharge failed");
        await bed.AddConversationAsync(a, "no coins");
        await bed.AddConversationAsync(b, "still pending");
        return new MergeWorld(a, b, target,
            await bed.AddScriptAsync(a, "en"), await bed.AddScriptAsync(a, "zh-CN"), await bed.AddScriptAsync(b, "en"), await bed.AddScriptAsync(target, "zh-CN"));
    }

    [Fact]
    public async Task PreviewImpact_OfAMerge_CountsEveryReference_AndFindsScriptConflicts_WithoutChangingAnything()
    {
        await using var bed = await CreateAsync();
        var w = await SeedMergeAsync(bed);
        var proposal = await bed.WithAsync(db => Changes(db).ProposeMergeAsync(new MergeIntentsPayload { SourceIds = [w.A, w.B], TargetId = w.Target }, bed.Curator, Ct));

        var impact = await bed.WithAsync(db => Changes(db).PreviewImpactAsync(proposal.Id, Ct));
        Assert.Equal(new ReferenceCounts(Labels: 10, FinalLabels: 5, Predictions: 5, GoldItems: 1, Adjudications: 1, Conversations: 3, Turns: 6), impact.Total);
        Assert.Equal(["recharge_failed", "recharge_pending"], impact.Groups.Select(g => g.IntentKey));
        Assert.Equal(3, impact.Groups[0].Counts.FinalLabels);
        Assert.Equal(5, impact.Samples.Count);
        Assert.All(impact.Samples, s => Assert.Equal("recharge_problem", s.ToIntentKey));

        // a/en moves (target has no en); a/zh-CN collides with the target's; b/en collides with a/en, which moved first.
        Assert.Equal(
            [(w.ScriptAEn, ScriptAction.Move, (long?)null), (w.ScriptAZh, ScriptAction.Retire, w.ScriptTargetZh), (w.ScriptBEn, ScriptAction.Retire, w.ScriptAEn)],
            impact.Scripts.Select(s => (s.ScriptId, s.Action, s.ConflictsWithScriptId)));
        Assert.Equal(2, impact.ScriptConflicts);

        await using var db = bed.NewContext();
        Assert.Equal(3, (await CountAsync(db, w.A)).FinalLabels);
        Assert.Equal(ReviewStatus.Pending, (await db.TaxonomyChanges.SingleAsync(Ct)).Status);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApproveMerge_MovesEveryReference_SettlesScripts_AndDeprecatesTheSources(DatabaseProvider provider)
    {
        await using var bed = await CreateAsync(provider);
        var w = await SeedMergeAsync(bed);
        var proposal = await bed.WithAsync(db => Changes(db).ProposeMergeAsync(new MergeIntentsPayload { SourceIds = [w.A, w.B], TargetId = w.Target }, bed.Curator, Ct));
        var preview = await bed.WithAsync(db => Changes(db).PreviewImpactAsync(proposal.Id, Ct));
        ReferenceCounts before;
        await using (var db = bed.NewContext()) before = await CountAsync(db, w.Target);

        var approved = await bed.WithAsync(db => Changes(db).ApproveAsync(proposal.Id, bed.Reviewer, null, Ct));

        await using var check = bed.NewContext();
        Assert.Equal(ReferenceCounts.None, await CountAsync(check, w.A));
        Assert.Equal(ReferenceCounts.None, await CountAsync(check, w.B));
        Assert.Equal(before + preview.Total, await CountAsync(check, w.Target));
        foreach (var id in new[] { w.A, w.B })
        {
            var source = await check.Intents.SingleAsync(i => i.Id == id, Ct);
            Assert.Equal((IntentStatus.Deprecated, (int?)w.Target), (source.Status, source.ReplacedById));
        }
        Assert.Equal(IntentStatus.Active, (await check.Intents.SingleAsync(i => i.Id == w.Target, Ct)).Status);

        var scripts = await check.Scripts.Include(s => s.Versions).ToDictionaryAsync(s => s.Id, Ct);
        Assert.Equal((w.Target, true), (scripts[w.ScriptAEn].IntentId, scripts[w.ScriptAEn].PublishedVersionId is not null));
        foreach (var retired in new[] { w.ScriptAZh, w.ScriptBEn })
        {
            Assert.NotEqual(w.Target, scripts[retired].IntentId);
            Assert.Null(scripts[retired].PublishedVersionId);
            Assert.All(scripts[retired].Versions, v => Assert.Equal(ScriptVersionStatus.Retired, v.Status));
        }
        Assert.NotNull(scripts[w.ScriptTargetZh].PublishedVersionId);
        Assert.Equal(1, approved.ResultingVersionNumber);
        Assert.Contains("labels=10", (await check.AuditLog.SingleAsync(a => a.Action == "taxonomy.approve", Ct)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeMerge_RejectsTargetAmongSources_AndDeprecatedIntents()
    {
        await using var bed = await CreateAsync();
        var domain = await bed.AddDomainAsync("payments");
        var a = await bed.AddIntentAsync(domain, "a_one");
        var old = await bed.AddIntentAsync(domain, "old_one", IntentStatus.Deprecated);
        await Assert.ThrowsAsync<Common.ValidationException>(() => bed.WithAsync(db => Changes(db).ProposeMergeAsync(new MergeIntentsPayload { SourceIds = [a], TargetId = a }, bed.Curator, Ct)));
        var ex = await Assert.ThrowsAsync<Common.ValidationException>(() => bed.WithAsync(db => Changes(db).ProposeMergeAsync(new MergeIntentsPayload { SourceIds = [old], TargetId = a }, bed.Curator, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.IntentDeprecated, "old_one"), ex.Codes["sourceIds"][0]);
    }

    private static SplitIntentPayload SplitPayload(int source, IReadOnlyDictionary<long, string> explicitTargets) => new()
    {
        SourceId = source,
        NewIntents =
        [
            new IntentDraft { Key = "card_declined", Names = new() { ["en"] = "Card declined", ["zh-CN"] = "银行卡被拒" } },
            new IntentDraft { Key = "wallet_failed", Names = new() { ["en"] = "Wallet payment failed", ["zh-CN"] = "钱包支付失败" } },
            new IntentDraft { Key = "payment_failed_other", Names = new() { ["en"] = "Payment failed (other)" } },
        ],
        QuestionTargets = new(explicitTargets),
        KeywordRules = [new KeywordRule(["card", "visa"], "card_declined"), new KeywordRule(["支付宝", "wallet"], "wallet_failed")],
        DefaultTarget = "payment_failed_other",
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApproveSplit_RoutesByMappingThenKeywordsThenDefault_AndDeprecatesTheSource(DatabaseProvider provider)
    {
        await using var bed = await CreateAsync(provider);
        var domain = await bed.AddDomainAsync("payments");
        var source = await bed.AddIntentAsync(domain, "payment_failed");
        var other = await bed.AddIntentAsync(domain, "refund_status");
        var cardQ = await bed.AddLabelledQuestionAsync(source, "My VISA card was declined", gold: true);
        var walletQ = await bed.AddLabelledQuestionAsync(source, "用支付宝付款失败", adjudicated: true);
        var mappedQ = await bed.AddLabelledQuestionAsync(source, "the card thing again");   // keyword says card; the mapping wins
        var restQ = await bed.AddLabelledQuestionAsync(source, "payment failed, discard it"); // "discard" is not the word "card"
        var untouchedQ = await bed.AddLabelledQuestionAsync(other, "card refund");
        var walletConversation = await bed.AddConversationAsync(source, "wallet top-up failed");
        var restConversation = await bed.AddConversationAsync(source, "it failed");
        var script = await bed.AddScriptAsync(source, "en");

        var payload = SplitPayload(source, new Dictionary<long, string> { [mappedQ] = "wallet_failed" });
        var impact = await bed.WithAsync(db => Changes(db).PreviewImpactAsync(payload, Ct));
        var byTarget = impact.Groups.ToDictionary(g => g.IntentKey, g => g.Counts);
        Assert.Equal((1, 2, 1), (byTarget["card_declined"].FinalLabels, byTarget["wallet_failed"].FinalLabels, byTarget["payment_failed_other"].FinalLabels));
        Assert.Equal((2, 2), (byTarget["wallet_failed"].Turns, byTarget["payment_failed_other"].Turns));
        Assert.Contains(impact.Samples, s => s.QuestionId == mappedQ && s.Reason == "Explicit");
        Assert.Contains(impact.Samples, s => s.QuestionId == cardQ && s.Reason == "Keyword");
        Assert.Equal(ScriptAction.Move, Assert.Single(impact.Scripts).Action);

        var proposal = await bed.WithAsync(db => Changes(db).ProposeSplitAsync(payload, bed.Curator, Ct));
        await bed.WithAsync(db => Changes(db).ApproveAsync(proposal.Id, bed.Reviewer, null, Ct));

        await using var check = bed.NewContext();
        var keys = await check.Intents.ToDictionaryAsync(i => i.Key, Ct);
        int Id(string key) => keys[key].Id;
        var finals = await check.Questions.ToDictionaryAsync(q => q.Id, q => q.FinalIntentId, Ct);
        Assert.Equal(Id("card_declined"), finals[cardQ]);
        Assert.Equal(Id("wallet_failed"), finals[walletQ]);
        Assert.Equal(Id("wallet_failed"), finals[mappedQ]);
        Assert.Equal(Id("payment_failed_other"), finals[restQ]);
        Assert.Equal(other, finals[untouchedQ]);
        Assert.Equal(Id("card_declined"), (await check.Items.SingleAsync(i => i.QuestionId == cardQ, Ct)).GoldIntentId);
        Assert.Equal(Id("wallet_failed"), (await check.Adjudications.SingleAsync(Ct)).IntentId);
        Assert.All(await check.Labels.Where(l => l.QuestionId == mappedQ).ToListAsync(Ct), l => Assert.Equal(Id("wallet_failed"), l.IntentId));
        Assert.Equal(Id("wallet_failed"), (await check.Conversations.SingleAsync(c => c.Id == walletConversation, Ct)).IntentId);
        Assert.All(await check.Turns.Where(t => t.ConversationId == walletConversation).ToListAsync(Ct), t => Assert.Equal(Id("wallet_failed"), t.IntentId));
        Assert.Equal(Id("payment_failed_other"), (await check.Conversations.SingleAsync(c => c.Id == restConversation, Ct)).IntentId);
        Assert.Equal(ReferenceCounts.None, await CountAsync(check, source));

        Assert.Equal((IntentStatus.Deprecated, (int?)Id("payment_failed_other")), (keys["payment_failed"].Status, keys["payment_failed"].ReplacedById));
        Assert.Equal(keys["payment_failed"].DomainId, keys["card_declined"].DomainId);
        Assert.Equal(Id("payment_failed_other"), (await check.Scripts.SingleAsync(s => s.Id == script, Ct)).IntentId);
    }

    [Fact]
    public async Task ProposeSplit_ChecksTargetsAndMappedQuestions()
    {
        await using var bed = await CreateAsync();
        var source = await bed.AddIntentAsync(await bed.AddDomainAsync("payments"), "payment_failed");
        var bad = SplitPayload(source, new Dictionary<long, string> { [424242] = "card_declined", [1] = "nowhere" }) with { DefaultTarget = "missing" };
        var ex = await Assert.ThrowsAsync<Common.ValidationException>(() => bed.WithAsync(db => Changes(db).ProposeSplitAsync(bad, bed.Curator, Ct)));
        Assert.True(ex.Errors.ContainsKey("defaultTarget"));
        Assert.Contains(CodedMessage.Of(TaxonomyRefusal.SplitQuestionTarget, 1L, "nowhere"), ex.Codes["questionTargets"]);
        Assert.Contains(CodedMessage.Of(TaxonomyRefusal.QuestionMissing, 424242L), ex.Codes["questionTargets"]);
        Assert.Contains("Question 424242 does not exist.", ex.Errors["questionTargets"]);

        var single = SplitPayload(source, new Dictionary<long, string>()) with { NewIntents = [SplitPayload(source, new Dictionary<long, string>()).NewIntents[2]] };
        var tooFew = await Assert.ThrowsAsync<Common.ValidationException>(() => bed.WithAsync(db => Changes(db).ProposeSplitAsync(single, bed.Curator, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.SplitTooFew), tooFew.Codes["newIntents"][0]);

        // A JSON client sending nulls gets field errors, not a server error.
        var fromJson = PayloadJson.Deserialize(TaxonomyChangeKind.Split, $$"""{"sourceId":{{source}},"newIntents":null,"keywordRules":null,"questionTargets":null,"defaultTarget":null}""");
        var nulls = await Assert.ThrowsAsync<Common.ValidationException>(() => bed.WithAsync(db => Changes(db).ProposeAsync(fromJson, bed.Curator, Ct)));
        Assert.True(nulls.Errors.ContainsKey("newIntents"));
    }
}
