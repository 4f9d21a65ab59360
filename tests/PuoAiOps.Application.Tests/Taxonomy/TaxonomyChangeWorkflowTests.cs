using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Application.Tests.Taxonomy.TaxonomyTestBed;

namespace PuoAiOps.Application.Tests.Taxonomy;

public sealed class TaxonomyChangeWorkflowTests
{
    private static AddIntentPayload AddRecharge(string key = "recharge_failed") => new()
    {
        DomainKey = "payments",
        Intent = new IntentDraft
        {
            Key = key, Names = new() { ["en"] = "Recharge failed", ["zh-CN"] = "充值失败" },
            Description = "The user paid but coins did not arrive.", Examples = ["my recharge failed", "充值没到账"],
            GuideRef = "payments.md#recharge-failed",
        },
    };

    [Fact]
    public async Task ProposeAdd_ChangesNothing_UntilApproved()
    {
        await using var bed = await CreateAsync();
        await bed.AddDomainAsync("payments");

        var proposal = await bed.WithAsync(db => Changes(db).ProposeAddAsync(AddRecharge(), bed.Curator, Ct));
        Assert.Equal(ReviewStatus.Pending, proposal.Status);
        Assert.Equal("Cora Curator", proposal.ProposedByName);
        await using (var db = bed.NewContext())
        {
            Assert.False(await db.Intents.AnyAsync(Ct));
            Assert.False(await db.TaxonomyVersions.AnyAsync(Ct));
            Assert.Equal("taxonomy.propose", (await db.AuditLog.SingleAsync(Ct)).Action);
        }

        var approved = await bed.WithAsync(db => Changes(db).ApproveAsync(proposal.Id, bed.Reviewer, "looks right", Ct));
        Assert.Equal(ReviewStatus.Approved, approved.Status);
        Assert.Equal(1, approved.ResultingVersionNumber);
        await using (var db = bed.NewContext())
        {
            var intent = await db.Intents.SingleAsync(Ct);
            Assert.Equal(("recharge_failed", IntentStatus.Active, "充值失败"), (intent.Key, intent.Status, intent.Names["zh-CN"]));
            Assert.Equal(["my recharge failed", "充值没到账"], intent.Examples);
            var version = await db.TaxonomyVersions.SingleAsync(Ct);
            Assert.Equal(approved.ResultingVersionId, version.Id);
            Assert.Contains("recharge_failed", version.Snapshot, StringComparison.Ordinal);
            Assert.Equal(["taxonomy.propose", "taxonomy.approve"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        }
    }

    [Fact]
    public async Task ProposeAdd_BadInput_ReportsEveryFieldError()
    {
        await using var bed = await CreateAsync();
        var domain = await bed.AddDomainAsync("payments");
        await bed.AddIntentAsync(domain, "taken_key");

        var bad = AddRecharge("RechargeFailed") with { DomainKey = "nowhere" };
        bad = bad with { Intent = bad.Intent with { Names = new() { ["zh-CN"] = "充值失败" }, GuideRef = "../secrets.txt" } };
        var ex = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync(db => Changes(db).ProposeAddAsync(bad, bed.Curator, Ct)));
        Assert.Contains("snake_case", Assert.Single(ex.Errors["intent.key"]), StringComparison.Ordinal);
        Assert.Equal(CodedMessage.Of(Core.Taxonomy.TaxonomyKeyMessage.IntentKeyNotSnakeCase, "RechargeFailed"), ex.Codes["intent.key"][0]);
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.NameRequired, "en"), ex.Codes["intent.names"][0]);
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.UnknownDomain, "nowhere"), ex.Codes["domainKey"][0]);
        Assert.Equal("Unknown domain 'nowhere'.", ex.Errors["domainKey"][0]);
        Assert.True(ex.Errors.ContainsKey("intent.guideRef"));

        var dup = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync(db => Changes(db).ProposeAddAsync(AddRecharge("taken_key"), bed.Curator, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.KeyExists, "taken_key"), dup.Codes["intent.key"][0]);

        await bed.WithAsync(db => Changes(db).ProposeAddAsync(AddRecharge("new_key"), bed.Curator, Ct));
        var pendingDup = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync(db => Changes(db).ProposeAddAsync(AddRecharge("new_key"), bed.Curator, Ct)));
        Assert.Equal(TaxonomyRefusal.KeyPending, pendingDup.Codes["intent.key"][0]!.Code);
        Assert.Contains("pending proposal #", pendingDup.Errors["intent.key"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_AreEnforced_AndSelfApprovalIsRefused()
    {
        await using var bed = await CreateAsync();
        await bed.AddDomainAsync("payments");
        await Assert.ThrowsAsync<ForbiddenException>(() => bed.WithAsync(db => Changes(db).ProposeAddAsync(AddRecharge(), bed.Reviewer, Ct)));

        // One person holding both roles still may not approve their own proposal.
        var both = Actor.User(bed.Curator.UserId!, "Cora", Roles.Curator, Roles.Reviewer);
        var proposal = await bed.WithAsync(db => Changes(db).ProposeAddAsync(AddRecharge(), both, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => bed.WithAsync(db => Changes(db).ApproveAsync(proposal.Id, bed.Curator, null, Ct)));
        var own = await Assert.ThrowsAsync<ForbiddenException>(() => bed.WithAsync(db => Changes(db).ApproveAsync(proposal.Id, both, null, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.OwnProposal, proposal.Id), own.Code);

        await using var db = bed.NewContext();
        Assert.Equal(ReviewStatus.Pending, (await db.TaxonomyChanges.SingleAsync(Ct)).Status);
        Assert.False(await db.Intents.AnyAsync(Ct));
    }

    [Fact]
    public async Task Reject_NeedsANote_KeepsTaxonomy_AndCannotBeApprovedAfterwards()
    {
        await using var bed = await CreateAsync();
        await bed.AddDomainAsync("payments");
        var proposal = await bed.WithAsync(db => Changes(db).ProposeAddAsync(AddRecharge(), bed.Curator, Ct));

        await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync(db => Changes(db).RejectAsync(proposal.Id, bed.Reviewer, " ", Ct)));
        var rejected = await bed.WithAsync(db => Changes(db).RejectAsync(proposal.Id, bed.Reviewer, "Duplicate of payment_failed", Ct));
        Assert.Equal((ReviewStatus.Rejected, "Duplicate of payment_failed", "Rex Reviewer"), (rejected.Status, rejected.ReviewNote, rejected.ReviewedByName));

        var again = await Assert.ThrowsAsync<ConflictException>(() => bed.WithAsync(db => Changes(db).ApproveAsync(proposal.Id, bed.Reviewer2, null, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.AlreadyRejected, proposal.Id), again.Code);
        Assert.Contains("already rejected", again.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => bed.WithAsync(db => Changes(db).ApproveAsync(9999, bed.Reviewer2, null, Ct)));
        await using var db = bed.NewContext();
        Assert.False(await db.Intents.AnyAsync(Ct));
        Assert.Contains("taxonomy.reject", await db.AuditLog.Select(a => a.Action).ToListAsync(Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Approve_WhenTheIntentChangedSinceProposal_FailsWithConflict_AndAppliesNothing(DatabaseProvider provider)
    {
        await using var bed = await CreateAsync(provider);
        var domain = await bed.AddDomainAsync("payments");
        var intent = await bed.AddIntentAsync(domain, "refund_status");
        var edit = await bed.WithAsync(db => Changes(db).ProposeEditAsync(new EditIntentPayload { IntentId = intent, Description = "Where is my refund?" }, bed.Curator, Ct));
        var rename = await bed.WithAsync(db => Changes(db).ProposeRenameAsync(new RenameIntentPayload { IntentId = intent, NewKey = "refund_progress" }, bed.Curator, Ct));

        await bed.WithAsync(db => Changes(db).ApproveAsync(rename.Id, bed.Reviewer, null, Ct));
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => bed.WithAsync(db => Changes(db).ApproveAsync(edit.Id, bed.Reviewer, null, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.ChangedSinceProposal, "refund_progress", edit.Id), conflict.Code);

        await using var check = bed.NewContext();
        var current = await check.Intents.SingleAsync(Ct);
        Assert.Equal(("refund_progress", "Users asking about refund_status."), (current.Key, current.Description));
        Assert.Equal(ReviewStatus.Pending, (await check.TaxonomyChanges.SingleAsync(c => c.Id == edit.Id, Ct)).Status);
        Assert.Equal(1, await check.TaxonomyVersions.CountAsync(Ct));
    }

    [Fact]
    public async Task Propose_WithAStaleTokenFromTheCaller_IsAConflict()
    {
        await using var bed = await CreateAsync();
        var intent = await bed.AddIntentAsync(await bed.AddDomainAsync("payments"), "refund_status");
        var stale = new EditIntentPayload { IntentId = intent, Description = "x", ExpectedVersion = Guid.NewGuid() };
        await Assert.ThrowsAsync<ConflictException>(() => bed.WithAsync(db => Changes(db).ProposeEditAsync(stale, bed.Curator, Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ConcurrentApprovals_OfTheSameChange_ExactlyOneWins(DatabaseProvider provider)
    {
        await using var bed = await CreateAsync(provider);
        await bed.AddDomainAsync("payments");
        var proposal = await bed.WithAsync(db => Changes(db).ProposeAddAsync(AddRecharge(), bed.Curator, Ct));

        var outcomes = await Task.WhenAll(new[] { bed.Reviewer, bed.Reviewer2 }.Select(async reviewer =>
        {
            try { await bed.WithAsync(db => Changes(db).ApproveAsync(proposal.Id, reviewer, null, Ct)); return "ok"; }
            catch (ConflictException) { return "conflict"; }
        }));
        Assert.Equal(["conflict", "ok"], outcomes.Order());
        await using var db = bed.NewContext();
        Assert.Equal(1, await db.Intents.CountAsync(Ct));
        Assert.Equal(1, await db.TaxonomyVersions.CountAsync(Ct));
    }

    [Fact]
    public async Task EachApproval_PublishesTheNextVersionNumber()
    {
        await using var bed = await CreateAsync();
        var domain = await bed.AddDomainAsync("payments");
        var intent = await bed.AddIntentAsync(domain, "refund_status");
        var numbers = new List<int?>();
        var add = await bed.WithAsync(db => Changes(db).ProposeAddAsync(AddRecharge(), bed.Curator, Ct));
        numbers.Add((await bed.WithAsync(db => Changes(db).ApproveAsync(add.Id, bed.Reviewer, null, Ct))).ResultingVersionNumber);
        var edit = await bed.WithAsync(db => Changes(db).ProposeEditAsync(new EditIntentPayload { IntentId = intent, Examples = ["where is my refund"] }, bed.Curator, Ct));
        numbers.Add((await bed.WithAsync(db => Changes(db).ApproveAsync(edit.Id, bed.Reviewer, null, Ct))).ResultingVersionNumber);
        var deprecate = await bed.WithAsync(db => Changes(db).ProposeDeprecateAsync(new DeprecateIntentPayload { IntentId = intent }, bed.Curator, Ct));
        numbers.Add((await bed.WithAsync(db => Changes(db).ApproveAsync(deprecate.Id, bed.Reviewer, null, Ct))).ResultingVersionNumber);

        Assert.Equal([1, 2, 3], numbers);
        var versions = await bed.WithAsync(db => new PuoAiOps.Application.Taxonomy.TaxonomyService(db).ListVersionsAsync(Ct));
        Assert.Equal([3, 2, 1], versions.Select(v => v.Number));
        Assert.All(versions, v => Assert.Equal("Rex Reviewer", v.PublishedByName));
        var latest = await bed.WithAsync(db => new PuoAiOps.Application.Taxonomy.TaxonomyService(db).GetVersionAsync(3, Ct));
        Assert.Contains("status: deprecated", latest.Snapshot, StringComparison.Ordinal);
    }
}
