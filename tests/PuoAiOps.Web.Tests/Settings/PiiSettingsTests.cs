using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Web.Tests.Settings;

/// <summary>
/// The settings page as the server renders it: the stored patterns in the editor, internal settings hidden.
/// Saving, refusing and the live preview are driven in a browser (AdminBrowserTests) and checked as rules in
/// the Application tests (PiiPatternStoreTests, PiiPatternPreviewTests); the preview's markup in PiiPreviewViewTests.
/// </summary>
public sealed class PiiSettingsTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavedPatterns_AreShownInTheEditor()
    {
        await team.WithServiceAsync<PiiPatternStore, bool>(async s =>
        {
            await s.SaveAsync([new CustomPiiPattern("order_id", @"ORD-\d{8}")], team.Admin.Id, team.Admin.DisplayName, Ct);
            return true;
        });
        using var admin = await team.SignInAsAsync(Roles.Admin);
        var page = await admin.GetPageAsync("/admin/settings");
        var editor = page.Document.QuerySelector("[data-testid=pii-editor]")!;
        // The stored pattern, then one spare row for a new one.
        Assert.Equal(["order_id", @"ORD-\d{8}", "", ""], editor.QuerySelectorAll("[data-pattern-row] input").Select(i => i.GetAttribute("value") ?? ""));
        Assert.Contains("<ORDER_ID>", editor.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_HidesInternalKeys_AndSecretValues()
    {
        await team.WithDbAsync(async db =>
        {
            db.Settings.Add(new Setting { Key = "Pii:UserIdKey", Value = "c2VjcmV0LWtleS12YWx1ZQ==" });
            db.Settings.Add(new Setting { Key = "Reports:Timezone", Value = "Asia/Shanghai" });
            return await db.SaveChangesAsync(Ct);
        });
        using var admin = await team.SignInAsAsync(Roles.Admin);
        var page = await admin.GetPageAsync("/admin/settings");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(await team.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key.StartsWith("dataprotection:key:"), Ct)), "the key ring is stored");
        Assert.DoesNotContain("dataprotection:key", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("workspace:setup-completed", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWtleS12YWx1ZQ", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("[data-setting='Pii:UserIdKey']"));
        Assert.Contains("Asia/Shanghai", page.Document.QuerySelector("[data-setting='Reports:Timezone']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sqlite", page.Document.QuerySelector("[data-testid=configuration]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("UTC", page.Document.QuerySelector("#time-zone")?.GetAttribute("value"));
    }

    [Fact]
    public async Task SettingsPage_IsForAdminsOnly()
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        var page = await curator.GetPageAsync("/admin/settings");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.DoesNotContain("pii-editor", page.Document.Body!.InnerHtml, StringComparison.Ordinal);
    }
}
