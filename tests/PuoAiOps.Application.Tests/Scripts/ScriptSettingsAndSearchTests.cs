using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Tests.Scripts;

public sealed class ScriptSettingsAndSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StyleRules_AdminOverrideChangesTheLint_OthersAreForbidden_ResetRestoresDefaults()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await using var s = bed.Open();
        var settings = new StyleRuleSettings(s.Db);
        var admin = Actor.User("u-admin", "Ada Admin", Roles.Admin);
        var strict = StyleRuleDefaults.For("en", ScriptChannels.Im) with { MaxLength = 30 };

        var curator = await Assert.ThrowsAsync<ForbiddenException>(() => settings.SaveAsync("en", ScriptChannels.Im, strict, bed.Bed.Curator, Ct));
        Assert.Equal(CodedMessage.Of(ScriptRefusal.OnlyAdminStyleRules), curator.Code);
        var locale = await Assert.ThrowsAsync<ValidationException>(() => settings.SaveAsync("fr", ScriptChannels.Im, strict, admin, Ct));
        Assert.Equal(CodedMessage.Of(ScriptRefusal.UnknownLocale, "fr", string.Join(", ", ScriptLocales.All)), locale.Codes["locale"][0]);
        await Assert.ThrowsAsync<ValidationException>(() => settings.SaveAsync("en", ScriptChannels.Im, strict with { MaxLength = 1 }, admin, Ct));
        await settings.SaveAsync("en", ScriptChannels.Im, strict, admin, Ct);

        var reread = new StyleRuleSettings(bed.Bed.NewContext());
        Assert.Equal(30, (await reread.ForAsync("en", ScriptChannels.Im, Ct)).MaxLength);
        Assert.Equal(StyleRuleDefaults.For("en", ScriptChannels.Email), await reread.ForAsync("en", ScriptChannels.Email, Ct));
        Assert.Equal(1, await s.Db.AuditLog.CountAsync(a => a.Action == "scripts.rules.save", Ct));

        await settings.SaveAsync("en", ScriptChannels.Im, null, admin, Ct);
        Assert.Equal(1200, (await new StyleRuleSettings(bed.Bed.NewContext()).ForAsync("en", ScriptChannels.Im, Ct)).MaxLength);
    }

    [Fact]
    public async Task Search_FiltersByIntentLocaleChannelStatusOwnerAndText()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("refund_request");
        await bed.AddIntentAsync("payout_schedule");
        await using var s = bed.Open();
        ScriptVariable[] vars = [new("user_name")];
        await s.Editor.CreateAsync(new NewScriptInput("refund_request", "en", ScriptChannels.Im, "Refunds", new DraftInput("Hi {{user_name}}, refunds take 5 days.", vars)), bed.Bed.Curator, Ct);
        var zh = await s.Editor.CreateAsync(new NewScriptInput("refund_request", "zh-CN", ScriptChannels.Email, "退款", new DraftInput("{{user_name}}您好，退款需5天。感谢！", vars)), bed.Bed.Curator, Ct);
        await s.Review.SubmitAsync(zh.VersionId, zh.Stamp, bed.Bed.Curator, Ct);
        await s.Editor.CreateAsync(new NewScriptInput("payout_schedule", "en", ScriptChannels.InApp, "Payouts", new DraftInput("Hi {{user_name}}, payouts go out on Mondays.", vars), OwnerId: "u-reviewer"), bed.Bed.Curator, Ct);

        Assert.Equal(2, (await s.Library.SearchAsync(new ScriptQuery(Intent: "refund_request"), Ct)).Count);
        Assert.Equal("退款", Assert.Single(await s.Library.SearchAsync(new ScriptQuery(Locale: "zh-CN"), Ct)).Title);
        Assert.Equal("退款", Assert.Single(await s.Library.SearchAsync(new ScriptQuery(Status: ScriptVersionStatus.InReview), Ct)).Title);
        Assert.Equal("Payouts", Assert.Single(await s.Library.SearchAsync(new ScriptQuery(OwnerId: "u-reviewer"), Ct)).Title);
        Assert.Equal("Payouts", Assert.Single(await s.Library.SearchAsync(new ScriptQuery(Channel: ScriptChannels.InApp), Ct)).Title);
        Assert.Equal("Payouts", Assert.Single(await s.Library.SearchAsync(new ScriptQuery(Text: "mondays"), Ct)).Title);
    }

    [Fact]
    public async Task Comment_IsStoredOnTheVersion_AndAudited()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("refund_request");
        await using var s = bed.Open();
        var created = await s.Editor.CreateAsync(new NewScriptInput("refund_request", "en", ScriptChannels.Im, "Refunds",
            new DraftInput("Hi {{user_name}}, refunds take 5 days.", [new ScriptVariable("user_name")])), bed.Bed.Curator, Ct);
        await s.Review.CommentAsync(created.VersionId, "Say which wallet page.", bed.Bed.Reviewer, Ct);
        var details = await s.Library.GetAsync(created.ScriptId, Ct);
        Assert.Equal("Say which wallet page.", Assert.Single(Assert.Single(details.Versions).Comments).Body);
        Assert.Equal(1, await s.Db.AuditLog.CountAsync(a => a.Action == "script.comment", Ct));
    }
}
