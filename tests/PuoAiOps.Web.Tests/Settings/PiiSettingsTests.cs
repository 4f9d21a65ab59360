using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;

namespace PuoAiOps.Web.Tests.Settings;

/// <summary>Admins edit the custom PII patterns: validated on save, tried live on a sample; internal settings stay hidden.</summary>
public sealed class PiiSettingsTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavingPatterns_StoresThem_AndTheEditorShowsThem()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        await admin.GetPageAsync("/admin/settings");
        using var saved = await admin.PostFormAsync("/admin/settings/pii-patterns", Form(("order_id", @"ORD-\d{8}"), ("", "")), Htmx(admin));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var editor = (await ConsoleClient.ReadFragmentAsync(saved)).QuerySelector("#pii-editor")!;
        Assert.Contains("Saved 1 custom pattern", editor.QuerySelector("[data-testid=pii-notice]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("order_id", editor.QuerySelector("input[name=name]")!.GetAttribute("value"));

        var stored = await team.WithServiceAsync<PiiPatternStore, IReadOnlyList<PuoAiOps.Core.Text.Redaction.CustomPiiPattern>>(s => s.GetAsync(Ct));
        Assert.Equal(@"ORD-\d{8}", Assert.Single(stored).Pattern);
        var page = await admin.GetPageAsync("/admin/settings");
        Assert.Equal(@"ORD-\d{8}", page.Document.QuerySelector("#pii-editor input[name=pattern]")!.GetAttribute("value"));
        Assert.True(await team.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "pii.patterns-updated", Ct)));
    }

    [Fact]
    public async Task BadRegex_IsRefusedWith422AndAMessageNamingThePattern_AndNothingIsSaved()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        await admin.GetPageAsync("/admin/settings");
        var before = await team.WithDbAsync(db => db.Settings.Where(s => s.Key == PiiPatternStore.SettingKey).Select(s => s.Value).FirstOrDefaultAsync(Ct));
        using var refused = await admin.PostFormAsync("/admin/settings/pii-patterns", Form(("room_id", "room-(\\d+"), ("ok", "x\\d")), Htmx(admin));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var editor = (await ConsoleClient.ReadFragmentAsync(refused)).QuerySelector("#pii-editor")!;
        var errors = editor.QuerySelector("[data-testid=pii-errors]")!.TextContent;
        Assert.Contains("Pattern 'room_id'", errors, StringComparison.Ordinal);
        Assert.Contains("Not saved", errors, StringComparison.Ordinal);
        Assert.Equal("room-(\\d+", editor.QuerySelector("tr.table-danger input[name=pattern]")!.GetAttribute("value")); // kept for fixing
        Assert.Equal(before, await team.WithDbAsync(db => db.Settings.Where(s => s.Key == PiiPatternStore.SettingKey).Select(s => s.Value).FirstOrDefaultAsync(Ct)));
    }

    [Fact]
    public async Task TestingASample_ShowsTheRedactedText_WithUnsavedPatterns()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        await admin.GetPageAsync("/admin/settings");
        var fields = Form(("ticket", @"TK\d{5}"));
        fields.Add(new("sample", "Ticket TK12345 <b>from</b> ann@example.com"));
        using var tested = await admin.PostFormAsync("/admin/settings/pii-patterns/test", fields, Htmx(admin));
        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        var html = await tested.Content.ReadAsStringAsync(Ct);
        var output = (await ConsoleClient.ReadFragmentAsync(tested)).QuerySelector("[data-testid=pii-test-output]")!;
        Assert.Equal("Ticket <TICKET> <b>from</b> <EMAIL>", output.TextContent);
        Assert.Equal(2, output.QuerySelectorAll("mark.redaction-marker").Length);
        Assert.Contains("&lt;b&gt;from&lt;/b&gt;", html, StringComparison.Ordinal);

        var bad = Form(("broken", "("));
        bad.Add(new("sample", "anything"));
        using var refused = await admin.PostFormAsync("/admin/settings/pii-patterns/test", bad, Htmx(admin));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Pattern 'broken'", (await ConsoleClient.ReadFragmentAsync(refused)).QuerySelector("[data-testid=pii-test-errors]")!.TextContent, StringComparison.Ordinal);
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
    }

    [Fact]
    public async Task PatternEndpoints_AreForAdminsOnly()
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        using var response = await curator.PostFormAsync("/admin/settings/pii-patterns", Form(("x", "y")), Htmx(curator));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static List<KeyValuePair<string, string>> Form(params (string Name, string Pattern)[] rows) =>
        rows.SelectMany(r => new[] { new KeyValuePair<string, string>("name", r.Name), new KeyValuePair<string, string>("pattern", r.Pattern) }).ToList();

    private static Dictionary<string, string> Htmx(ConsoleClient client) =>
        new() { ["HX-Request"] = "true", ["X-CSRF-TOKEN"] = client.HtmxToken! };
}
