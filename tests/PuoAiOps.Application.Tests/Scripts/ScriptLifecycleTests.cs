using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Tests.Scripts;

public sealed class ScriptLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Good = "Hi {{user_name}}, your coins arrive within 5 minutes. Pull down on the wallet page to refresh.";
    private static readonly ScriptVariable[] Vars = [new("user_name")];

    private static NewScriptInput New(string intent, string body = Good, string locale = "en") =>
        new(intent, locale, ScriptChannels.Im, "Recharge not credited", new DraftInput(body, Vars, ["recharge-not-credited"]));

    [Fact]
    public async Task DraftToApproved_ServesOnlyTheApprovedVersion_AndEditingMakesANewDraft()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("recharge_not_credited");
        await using var s = bed.Open();
        var created = await s.Editor.CreateAsync(New("recharge_not_credited"), bed.Bed.Curator, Ct);
        Assert.Empty(await s.Library.ServedAsync(ct: Ct));

        var stamp = await s.Review.SubmitAsync(created.VersionId, created.Stamp, bed.Bed.Curator, Ct);
        stamp = await s.Review.ApproveAsync(created.VersionId, stamp, bed.Bed.Reviewer, ct: Ct);
        var served = Assert.Single(await s.Library.ServedAsync("recharge_not_credited", "en", ScriptChannels.Im, ct: Ct));
        Assert.Equal(Good, served.Body);
        Assert.Contains("<p>", served.Html, StringComparison.Ordinal);

        var edit = await s.Editor.SaveDraftAsync(created.ScriptId, new DraftInput(Good + " Thanks!", Vars, ExpectedStamp: stamp), bed.Bed.Curator, Ct);
        Assert.Equal((SaveOutcome.Saved, 2), (edit.Outcome, edit.Number));
        Assert.Equal(Good, Assert.Single(await s.Library.ServedAsync(ct: Ct)).Body);
        var approved = await s.Db.ScriptVersions.AsNoTracking().SingleAsync(v => v.Id == created.VersionId, Ct);
        Assert.Equal((ScriptVersionStatus.Approved, Good), (approved.Status, approved.Body));

        var actions = await s.Db.AuditLog.Where(a => a.EntityType == "ReplyScript").Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["script.create", "script.submit", "script.approve", "script.save"], actions);
    }

    [Fact]
    public async Task Approve_ByTheAuthor_IsForbidden_AndLintErrorsBlockSubmission()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("refund_request");
        await using var s = bed.Open();
        var author = Actor.User(bed.Bed.Reviewer.UserId!, "Rex", Roles.Curator, Roles.Reviewer);
        var bad = await s.Editor.CreateAsync(New("refund_request", "Hi {{user_name}}, we guarantee a refund."), author, Ct);
        Assert.Contains(bad.Findings, f => f.Rule == LintRules.BannedPhrase && f.Severity == LintSeverity.Error);
        var blocked = await Assert.ThrowsAsync<ValidationException>(() => s.Review.SubmitAsync(bad.VersionId, bad.Stamp, author, Ct));
        // The refusal names the version, the count, the step (itself a code) and the first finding (its lint code).
        Assert.Equal(ScriptRefusal.StyleErrorsBlock, blocked.Code!.Code);
        Assert.Equal(new object[] { bad.Number, bad.Findings.Count(f => f.Severity == LintSeverity.Error), CodedMessage.Of(ScriptRefusal.StepSubmitted) },
            blocked.Code.Args.Take(3));
        Assert.IsType<LintMessage>(Assert.IsType<CodedMessage>(blocked.Code.Args[3]).Code);
        Assert.Contains(blocked.Errors["body"], m => m.StartsWith(LintRules.BannedPhrase, StringComparison.Ordinal));

        var fixedDraft = await s.Editor.SaveDraftAsync(bad.ScriptId, new DraftInput(Good, Vars, ExpectedStamp: bad.Stamp), author, Ct);
        var stamp = await s.Review.SubmitAsync(fixedDraft.VersionId, fixedDraft.Stamp, author, Ct);
        var own = await Assert.ThrowsAsync<ForbiddenException>(() => s.Review.ApproveAsync(fixedDraft.VersionId, stamp, author, ct: Ct));
        Assert.Equal(CodedMessage.Of(ScriptRefusal.OwnChange), own.Code);
        var notInReview = await Assert.ThrowsAsync<ConflictException>(() => s.Review.SubmitAsync(fixedDraft.VersionId, stamp, author, Ct));
        Assert.Equal(CodedMessage.Of(ScriptRefusal.WrongStatus, fixedDraft.Number, CodedMessage.Of(ScriptRefusal.StatusInReview),
            CodedMessage.Of(ScriptRefusal.StatusDraft), CodedMessage.Of(ScriptRefusal.StepSubmitted)), notInReview.Code);
        Assert.Equal($"Version {fixedDraft.Number} is InReview; only a Draft version can be submitted.", notInReview.Message);
        await s.Review.ApproveAsync(fixedDraft.VersionId, stamp, bed.Bed.Reviewer2, ct: Ct);
    }

    [Fact]
    public async Task FutureEffectiveVersion_IsNotServedUntilItsDate()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("payout_schedule");
        await using var s = bed.Open();
        var v1 = await s.Editor.CreateAsync(New("payout_schedule"), bed.Bed.Curator, Ct);
        var st = await s.Review.ApproveAsync(v1.VersionId, await s.Review.SubmitAsync(v1.VersionId, v1.Stamp, bed.Bed.Curator, Ct), bed.Bed.Reviewer, ct: Ct);
        var from = DateTime.UtcNow.AddDays(3);
        var v2 = await s.Editor.SaveDraftAsync(v1.ScriptId, new DraftInput(Good + " See you.", Vars, EffectiveFrom: from, ExpectedStamp: st), bed.Bed.Curator, Ct);
        await s.Review.ApproveAsync(v2.VersionId, await s.Review.SubmitAsync(v2.VersionId, v2.Stamp, bed.Bed.Curator, Ct), bed.Bed.Reviewer, ct: Ct);

        Assert.Equal(1, Assert.Single(await s.Library.ServedAsync(ct: Ct)).Number);
        Assert.Equal(2, Assert.Single(await s.Library.ServedAsync(at: from.AddMinutes(1), ct: Ct)).Number);
    }

    [Fact]
    public async Task Create_ForAnIntentMergedAway_NamesTheSuccessor_AndStoresNothing()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        var target = await bed.AddIntentAsync("refund_request");
        await bed.AddIntentAsync("refund_old", IntentStatus.Deprecated, i => i.ReplacedById = target);
        await using var s = bed.Open();
        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.Editor.CreateAsync(New("refund_old"), bed.Bed.Curator, Ct));
        Assert.Equal(CodedMessage.Of(ScriptRefusal.IntentMerged, "refund_old", "refund_request"), ex.Code);
        Assert.Contains("merged into 'refund_request'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await s.Db.Scripts.CountAsync(Ct));
    }

    [Fact]
    public async Task Diff_BetweenVersions_IsByWord()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("recharge_not_credited");
        await using var s = bed.Open();
        var v1 = await s.Editor.CreateAsync(New("recharge_not_credited"), bed.Bed.Curator, Ct);
        var st = await s.Review.ApproveAsync(v1.VersionId, await s.Review.SubmitAsync(v1.VersionId, v1.Stamp, bed.Bed.Curator, Ct), bed.Bed.Reviewer, ct: Ct);
        var v2 = await s.Editor.SaveDraftAsync(v1.ScriptId, new DraftInput(Good.Replace("5 minutes", "10 minutes"), Vars, ExpectedStamp: st), bed.Bed.Curator, Ct);
        var diff = await s.Library.DiffAsync(v1.VersionId, v2.VersionId, Ct);
        Assert.Equal(["5", "10"], diff.Segments.Where(x => x.Kind != DiffKind.Equal).Select(x => x.Text));
    }
}
