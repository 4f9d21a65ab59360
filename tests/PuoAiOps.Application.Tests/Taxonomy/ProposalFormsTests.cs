using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Application.Taxonomy.Forms;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Application.Tests.Taxonomy.TaxonomyTestBed;

namespace PuoAiOps.Application.Tests.Taxonomy;

/// <summary>
/// The console's proposal forms: each payload carries only what differs from the intent the curator
/// saw, with its version token; text as browsers send it (CRLF, stray spaces) is normalised.
/// </summary>
public sealed class ProposalFormsTests
{
    private static TaxonomyChangeService Changes(PuoDbContext db) => new(db, NullLogger<TaxonomyChangeService>.Instance);

    private static async Task<(TaxonomyTestBed Bed, IntentDetails Intent)> SeedAsync()
    {
        var bed = await CreateAsync();
        var domain = await bed.AddDomainAsync("account");
        var id = await bed.AddIntentAsync(domain, "login_code_missing", configure: i =>
        {
            i.Names = new() { ["en"] = "Login code missing", ["zh-CN"] = "收不到验证码" };
            i.Examples = ["no code", "验证码没收到"];
        });
        return (bed, await bed.WithAsync(db => new TaxonomyService(db).GetIntentAsync(id, Ct)));
    }

    [Fact]
    public async Task RenameForm_ProposesOnlyTheChangedKeyAndNames_WithTheVersionSeen()
    {
        var (bed, intent) = await SeedAsync();
        await using var _ = bed;
        var form = RenameIntentForm.For(intent);
        Assert.Equal("login_code_missing", form.NewKey);
        form.NewKey = " verification_code_missing ";
        form.Names["en"] = "Verification code missing";
        var payload = form.ToPayload(intent);
        Assert.Equal("verification_code_missing", payload.NewKey);
        Assert.Equal(new Dictionary<string, string> { ["en"] = "Verification code missing" }, payload.Names);
        Assert.Equal(intent.Version, payload.ExpectedVersion);

        // Through the service: proposed, nothing changed until approved; then renamed.
        var change = await bed.WithAsync(db => Changes(db).ProposeRenameAsync(payload, bed.Curator, Ct));
        Assert.Equal("login_code_missing", (await bed.WithAsync(db => new TaxonomyService(db).GetIntentAsync(intent.Id, Ct))).Key);
        await bed.WithAsync(db => Changes(db).ApproveAsync(change.Id, bed.Reviewer, "clearer wording", Ct));
        var renamed = await bed.WithAsync(db => new TaxonomyService(db).GetIntentAsync(intent.Id, Ct));
        Assert.Equal("verification_code_missing", renamed.Key);
        Assert.Equal("收不到验证码", renamed.Names["zh-CN"]);
    }

    [Fact]
    public async Task RenameForm_ClearingANameRemovesThatLocale_AndAnUnchangedFormIsRefused()
    {
        var (bed, intent) = await SeedAsync();
        await using var _ = bed;
        var cleared = RenameIntentForm.For(intent);
        cleared.Names["zh-CN"] = "  ";
        Assert.Equal(new Dictionary<string, string> { ["zh-CN"] = "" }, cleared.ToPayload(intent).Names);

        var unchanged = RenameIntentForm.For(intent).ToPayload(intent);
        Assert.Null(unchanged.NewKey);
        Assert.Null(unchanged.Names);
        var refused = await Assert.ThrowsAsync<Common.ValidationException>(() => bed.WithAsync(db => Changes(db).ProposeRenameAsync(unchanged, bed.Curator, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.NothingToRename), refused.Code);
    }

    [Fact]
    public async Task EditForm_ProposesOnlyChangedFields_NormalisingLineEnds()
    {
        var (bed, intent) = await SeedAsync();
        await using var _ = bed;
        var form = EditIntentForm.For(intent);
        form.Examples = "no code\r\n验证码没收到\r\n"; // same examples as typed in a browser
        form.Description = intent.Description + "\r\n";
        Assert.Null(form.ToPayload(intent).Examples);
        Assert.Null(form.ToPayload(intent).Description);

        form.Examples = "no code\r\n  验证码没收到 \r\n\r\nsms never came";
        form.Status = IntentStatus.Draft;
        var payload = form.ToPayload(intent);
        Assert.Equal(["no code", "验证码没收到", "sms never came"], payload.Examples);
        Assert.Equal(IntentStatus.Draft, payload.Status);
        Assert.Null(payload.DomainKey);
        Assert.Null(payload.GuideRef);
        Assert.Equal(intent.Version, payload.ExpectedVersion);
    }

    [Fact]
    public async Task EditForm_FromAStaleIntent_IsAConflict()
    {
        var (bed, intent) = await SeedAsync();
        await using var _ = bed;
        var form = EditIntentForm.For(intent);
        form.Description = "A new description";
        var stale = intent with { Version = Guid.NewGuid() }; // someone changed the intent since the form was loaded
        await Assert.ThrowsAsync<Common.ConflictException>(() => bed.WithAsync(db => Changes(db).ProposeEditAsync(form.ToPayload(stale), bed.Curator, Ct)));
    }

    [Fact]
    public void AddForm_WithANewDomain_CarriesItsKeyAndNames_AndCleansTheDraft()
    {
        var form = new AddIntentForm { DomainKey = AddIntentForm.NewDomainOption, NewDomainKey = " gifts ", Status = IntentStatus.Draft };
        form.NewDomainNames["en"] = "Gifts";
        form.NewDomainNames["zh-CN"] = " ";
        form.Intent.Key = " gift_card_redeem ";
        form.Intent.Names["en"] = "Redeem a gift card";
        form.Intent.Names["zh-CN"] = "兑换礼品卡";
        form.Intent.Examples = "how do I redeem\r\n礼品卡怎么用\r\n";
        form.Intent.GuideRef = "  ";
        var payload = form.ToPayload();
        Assert.Equal("gifts", payload.DomainKey);
        Assert.Equal(new Dictionary<string, string> { ["en"] = "Gifts" }, payload.NewDomain!.Names);
        Assert.Equal("gift_card_redeem", payload.Intent.Key);
        Assert.Equal(["how do I redeem", "礼品卡怎么用"], payload.Intent.Examples);
        Assert.Null(payload.Intent.GuideRef);
        Assert.Equal(IntentStatus.Draft, payload.Status);

        var existing = new AddIntentForm { DomainKey = "payments" }.ToPayload();
        Assert.Null(existing.NewDomain);
        Assert.Equal(IntentStatus.Active, existing.Status);
    }

    [Fact]
    public async Task SplitForm_SkipsBlankRows_SplitsKeywords_AndRoutesTheImpactByThem()
    {
        var (bed, intent) = await SeedAsync();
        await using var _ = bed;
        await bed.AddLabelledQuestionAsync(intent.Id, "forgot my password again");
        await bed.AddLabelledQuestionAsync(intent.Id, "cannot log in");
        var form = SplitIntentForm.For(intent);
        form.NewIntents[0].Key = "login_password";
        form.NewIntents[0].Names["en"] = "Login: password";
        form.NewIntents[0].Keywords = "password，密码、 pwd\nforgot";
        form.NewIntents[2].Key = "login_other";
        form.NewIntents[2].Names["en"] = "Login: other";
        form.DefaultRow = 2;
        var payload = form.ToPayload();
        Assert.Equal(["login_password", "login_other"], payload.NewIntents.Select(i => i.Key));
        Assert.Equal(["password", "密码", "pwd", "forgot"], Assert.Single(payload.KeywordRules).Keywords);
        Assert.Equal("login_other", payload.DefaultTarget);
        Assert.Equal(intent.Version, payload.ExpectedVersion);

        var impact = await bed.WithAsync(db => Changes(db).PreviewImpactAsync(payload, Ct));
        var routed = impact.Samples.ToDictionary(s => s.Text, s => s.ToIntentKey);
        Assert.Equal("login_password", routed["forgot my password again"]);
        Assert.Equal("login_other", routed["cannot log in"]);
    }

    [Fact]
    public void SplitForm_WithTheDefaultOnABlankRow_HasNoDefaultTarget()
    {
        var form = new SplitIntentForm { SourceId = 1, DefaultRow = 3 };
        form.NewIntents[0].Key = "a_one";
        Assert.Equal("", form.ToPayload().DefaultTarget);
    }

    [Fact]
    public void MergeAndDeprecateForms_DropDuplicatesAndEmptyReplacements()
    {
        var merge = new MergeIntentsForm { SourceIds = [3, 4, 3], TargetId = 7 }.ToPayload();
        Assert.Equal([3, 4], merge.SourceIds);
        Assert.Equal(7, merge.TargetId);
        Assert.Equal(0, new MergeIntentsForm().ToPayload().TargetId);
    }

    [Theory]
    [InlineData("recharge_failed", null)]
    [InlineData("", ProposalFieldError.KeyRequired)]
    [InlineData("Not Snake Case", ProposalFieldError.KeyNotSnakeCase)]
    [InlineData("double__underscore", ProposalFieldError.KeyNotSnakeCase)]
    [InlineData("oos", ProposalFieldError.KeyReserved)]
    public void IntentKeyRule_GivesACode_TheSameVerdictAsTheService(string key, ProposalFieldError? expected)
    {
        Assert.Equal(expected, ProposalFormRules.CheckIntentKey(key));
        Assert.Equal(expected is null, Core.Taxonomy.TaxonomyKeys.ValidateIntentKey(key) is null);
    }

    [Fact]
    public void NameAndNoteRules_RequireWhatTheServiceRequires()
    {
        Assert.Equal(ProposalFieldError.EnglishNameRequired, ProposalFormRules.CheckName(" ", required: true));
        Assert.Null(ProposalFormRules.CheckName("", required: false));
        Assert.Equal(ProposalFieldError.NameTooLong, ProposalFormRules.CheckName(new string('x', ProposalFormRules.MaxNameLength + 1), required: false));
        Assert.Equal(ProposalFieldError.NoteRequired, ProposalFormRules.CheckReviewNote("  ", required: true));
        Assert.Null(ProposalFormRules.CheckReviewNote(null, required: false));
        Assert.Equal(ProposalFieldError.NoteTooLong, ProposalFormRules.CheckReviewNote(new string('x', ProposalFormRules.MaxNoteLength + 1), required: true));
    }
}
