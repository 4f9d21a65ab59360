using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.BrowserTests.MudUi;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The admin, question and overview pages on the interactive shell in a real browser: users (form checks at the
/// field, confirmed role changes and disabling, the last admin kept), API keys (secret shown once, copied,
/// revoked), the audit log, the PII pattern editor with its live preview, the time zone; a curator's upload with
/// progress, its report and the questions it stored. Screenshots in English and Chinese. Any console error,
/// CSP violation or failed request fails the test.
/// </summary>
public sealed class AdminBrowserTests
{
    private const string AdminEmail = "ada@example.test";
    private const string CuratorEmail = "cora@example.test";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Admin_ManagesUsersKeysAndRedactionPatterns()
    {
        // The copy button writes to the clipboard; the test reads it back.
        await using var session = await BrowserSession.StartAsync(c => PrepareAsync(c.Services, seedDemo: false), clipboard: true);
        var page = session.Page;
        var shots = new Screenshots();
        await SignInAsync(page, AdminEmail, Password);

        // A new user: a bad address is refused at the field, then the person is created.
        await page.GotoAsync("/admin/users/new");
        await WaitForCircuitAsync(page);
        await page.FillAsync("#email", "not-an-address");
        await page.ClickAsync("[data-testid=create-user]");
        await Assertions.Expect(page.Locator(".mud-input-control", new() { Has = page.Locator("#email") })).ToContainTextAsync("Enter a valid email address.");
        await page.FillAsync("#email", "vic@example.test");
        await page.FillAsync("#display-name", "Victor Viewer");
        await SelectAsync(page, page.Locator("[data-testid=new-user-form]"), "Role", "Viewer");
        await page.FillAsync("#password", "another long passphrase");
        await page.FillAsync("#confirm", "another long passphrase");
        await shots.TakeAsync(page, "admin-new-user");
        await page.ClickAsync("[data-testid=create-user]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/users(\\?created=.*)?$"));
        await ExpectSnackbarAsync(page, "Victor Viewer can now sign in as vic@example.test");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));

        // A role change is confirmed first; the last admin cannot step down.
        var vic = page.Locator("tr", new() { Has = page.Locator("[data-user='vic@example.test']") });
        await SelectAsync(page, vic, "Viewer", "Reviewer");
        await ConfirmAsync(page, "Change role");
        await ExpectSnackbarAsync(page, "Victor Viewer is now Reviewer.");
        var ada = page.Locator("tr", new() { Has = page.Locator($"[data-user='{AdminEmail}']") });
        await SelectAsync(page, ada, "Admin", "Curator");
        await ConfirmAsync(page, "Change role");
        await ExpectSnackbarAsync(page, "This is the last active admin");
        await Assertions.Expect(ada.Locator("div.console-role-select")).ToContainTextAsync("Admin");

        // Disabling is confirmed too, and shows in the row.
        await vic.Locator("[data-testid=disable]").ClickAsync();
        await ConfirmAsync(page, "Disable");
        await Assertions.Expect(vic.Locator("[data-status=disabled]")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=user-search] input, input[data-testid=user-search]", "vic");
        await Assertions.Expect(page.Locator("[data-testid=users] [data-user]")).ToHaveCountAsync(1);
        await page.FillAsync("[data-testid=user-search] input, input[data-testid=user-search]", "");
        await Assertions.Expect(page.Locator("[data-testid=users] [data-user]")).ToHaveCountAsync(3); // Ada, Cora and Victor
        await shots.TakeAsync(page, "admin-users");

        // An API key: its secret is shown once, copied, then the key is revoked.
        await page.GotoAsync("/admin/api-keys");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=keys-empty]")).ToBeVisibleAsync();
        await page.FillAsync("#key-name", "nightly export");
        await page.ClickAsync("[data-testid=create-key]");
        var secret = await page.Locator("[data-testid=secret]").TextContentAsync();
        Assert.Matches("^puo_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$", secret);
        await page.ClickAsync("[data-testid=copy]");
        await ExpectSnackbarAsync(page, "Copied to the clipboard.");
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await shots.TakeAsync(page, "admin-api-keys");
        await page.ClickAsync("[data-testid=revoke]");
        await ConfirmAsync(page, "Revoke");
        await Assertions.Expect(page.Locator("[data-testid=keys] [data-status=revoked]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=new-key-secret]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        // The reloaded page's circuit first: the prerendered body alone passes the check below, and the next page would
        // then be opened while this one's circuit is still connecting (its connection aborted half-way).
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(secret!);

        // The PII editor: a pattern tried live before saving, saved, then tried on another sample; a bad one saves nothing.
        await page.GotoAsync("/admin/settings");
        await WaitForCircuitAsync(page);
        await page.Locator("[data-testid=pii-name] input, input[data-testid=pii-name]").First.FillAsync("order_id");
        await page.Locator("[data-testid=pii-pattern] input, input[data-testid=pii-pattern]").First.FillAsync(@"ORD-\d{8}");
        await page.FillAsync("#pii-sample", "Order ORD-20240511 was charged twice, write to li.na@example.com");
        await Assertions.Expect(page.Locator("[data-testid=pii-test-output]")).ToHaveTextAsync("Order <ORDER_ID> was charged twice, write to <EMAIL>");
        await page.ClickAsync("[data-testid=pii-save]");
        await ExpectSnackbarAsync(page, "Custom patterns saved (1)");
        await page.FillAsync("#pii-sample", "Refund ORD-20240512 please");
        await Assertions.Expect(page.Locator("[data-testid=pii-test-output]")).ToHaveTextAsync("Refund <ORDER_ID> please");
        await page.ClickAsync("[data-testid=pii-add]");
        await page.Locator("[data-testid=pii-name] input, input[data-testid=pii-name]").Nth(1).FillAsync("room_id");
        await page.Locator("[data-testid=pii-pattern] input, input[data-testid=pii-pattern]").Nth(1).FillAsync(@"room-(\d+");
        await Assertions.Expect(page.Locator("[data-testid=pii-test-errors]")).ToContainTextAsync("Pattern 'room_id'");
        await page.ClickAsync("[data-testid=pii-save]");
        await Assertions.Expect(page.Locator("[data-testid=pii-errors]")).ToContainTextAsync("Not saved");
        await page.Locator("[data-testid=pii-remove]").Nth(1).ClickAsync();

        // The workspace time zone: refused when unknown, then saved; the audit log shows times in it.
        await page.FillAsync("#time-zone", "Mars/Olympus");
        await page.Keyboard.PressAsync("Tab"); // leaving the field keeps what was typed
        await page.ClickAsync("[data-testid=time-zone-save]");
        await Assertions.Expect(page.Locator("[data-testid=time-zone]")).ToContainTextAsync("Not a known IANA time zone id");
        await page.FillAsync("#time-zone", "Asia/Shanghai");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=time-zone-now]")).Not.ToContainTextAsync("—");
        await page.ClickAsync("[data-testid=time-zone-save]");
        await ExpectSnackbarAsync(page, "Times are now shown in Asia/Shanghai.");
        await shots.TakeAsync(page, "admin-settings");

        await page.GotoAsync("/admin/audit");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=audit] th", new() { HasText = "Asia/Shanghai" })).ToBeVisibleAsync();
        foreach (var action in new[] { "user.created", "user.role-changed", "user.disabled", "apikey.created", "apikey.revoked", "pii.patterns-updated", "settings.time-zone-changed" })
            await Assertions.Expect(page.Locator($"[data-testid=audit] [data-action='{action}']").First).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=audit-search] input, input[data-testid=audit-search]", "apikey");
        await Assertions.Expect(page.Locator("[data-testid=audit] [data-action]")).ToHaveCountAsync(2);
        await page.FillAsync("[data-testid=audit-search] input, input[data-testid=audit-search]", "");
        await Assertions.Expect(page.Locator("[data-testid=audit] [data-action]")).Not.ToHaveCountAsync(2);
        await shots.TakeAsync(page, "admin-audit");

        // The same pages in Chinese.
        var zh = await session.NewPageAsync("zh-CN");
        await SignInAsync(zh, AdminEmail, Password);
        await Assertions.Expect(zh.Locator("h1")).ToHaveTextAsync("概览");
        foreach (var (path, name) in new[] { ("/admin/users", "admin-users"), ("/admin/users/new", "admin-new-user"), ("/admin/api-keys", "admin-api-keys"), ("/admin/audit", "admin-audit"), ("/admin/settings", "admin-settings") })
        {
            await zh.GotoAsync(path);
            await WaitForCircuitAsync(zh);
            await Assertions.Expect(zh.Locator("h1")).ToHaveTextAsync("系统管理");
            await Assertions.Expect(zh.Locator(".mud-table-loading, .mud-progress-linear")).ToHaveCountAsync(0);
            await shots.TakeAsync(zh, name + "-zh");
        }

        session.AssertNoProblems();
        TestContext.Current.SendDiagnosticMessage($"screenshots: {string.Join(", ", shots.Saved)}");
    }

    [Fact]
    public async Task Curator_UploadsQuestionsWithProgress_SeesTheReport_AndFindsThem()
    {
        await using var session = await BrowserSession.StartAsync(c => PrepareAsync(c.Services, seedDemo: true), clipboard: true);
        var page = session.Page;
        var shots = new Screenshots();
        await SignInAsync(page, CuratorEmail, Password);
        await Assertions.Expect(page.Locator("[data-count=Questions]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "overview-demo");

        // No file chosen: said at the field, nothing sent.
        await page.GotoAsync("/questions/import");
        await WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=upload]");
        await Assertions.Expect(page.Locator("[data-testid=file-error]")).ToHaveTextAsync("Choose a CSV or JSON Lines file to import.");

        // The upload goes over HTTP with progress; the run's report follows.
        await page.SetInputFilesAsync("#question-file", new FilePayload { Name = "feedback-week-19.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(SampleCsv) });
        await page.FillAsync("#source", "app-feedback");
        await page.ClickAsync("[data-testid=upload]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/questions/imports/\d+(\?finished=true)?$"));
        await ExpectSnackbarAsync(page, "Import finished: 6 questions stored.");
        var report = page.Locator("[data-testid=import-report]");
        await Assertions.Expect(report.Locator("[data-stat=imported] .stat-value")).ToHaveTextAsync("6");
        await Assertions.Expect(report.Locator("[data-stat=rejected] .stat-value")).ToHaveTextAsync("1");
        await Assertions.Expect(report.Locator("[data-testid=redaction-counts]")).ToContainTextAsync("<EMAIL>");
        await Assertions.Expect(report.Locator("[data-testid=rejections]")).ToContainTextAsync("missing text");
        var runId = await report.GetAttributeAsync("data-run");
        await shots.TakeAsync(page, "questions-import-run");

        await page.GotoAsync("/questions/import");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator($"[data-testid=recent-imports] [data-run='{runId}']")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "questions-import");

        // The questions the run stored: user content shown as text (the <script> is not run), searchable.
        await page.GotoAsync($"/questions?run={runId}");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=questions] .question-text")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=questions]")).ToContainTextAsync("<script>alert('hi')</script> the stream keeps buffering");
        // Question texts are marked by their script (decision 0012): the two Chinese ones as zh.
        await Assertions.Expect(page.Locator("[data-testid=questions] .question-text[lang=zh]")).ToHaveCountAsync(2);
        await page.FillAsync("#q", "buffering");
        await Assertions.Expect(page.Locator("[data-testid=questions] .question-text")).ToHaveCountAsync(1);
        await page.GotoAsync("/questions");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=questions] .question-text").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "questions");

        var zh = await session.NewPageAsync("zh-CN");
        await SignInAsync(zh, CuratorEmail, Password);
        await Assertions.Expect(zh.Locator("[data-count=Questions]")).ToBeVisibleAsync();
        await shots.TakeAsync(zh, "overview-demo-zh");
        foreach (var (path, name) in new[] { ("/questions", "questions"), ("/questions/import", "questions-import"), ($"/questions/imports/{runId}", "questions-import-run") })
        {
            await zh.GotoAsync(path);
            await WaitForCircuitAsync(zh);
            await Assertions.Expect(zh.Locator("h1")).ToHaveTextAsync("用户问题");
            await Assertions.Expect(zh.Locator(".mud-table-loading, .mud-progress-linear")).ToHaveCountAsync(0);
            await shots.TakeAsync(zh, name + "-zh");
        }

        session.AssertNoProblems();
    }

    private const string SampleCsv = """
        external_id,text,locale,channel
        fb-1001,"I paid 68 yuan but the coins never arrived, my email is wang.fang@example.cn",en,android
        fb-1002,"充值失败，请联系我 13812345678",zh-CN,ios
        fb-1003,"Card 4111 1111 1111 1111 was charged twice for one recharge",en,web
        fb-1004,"<script>alert('hi')</script> the stream keeps buffering",en,web
        fb-1005,,en,web
        fb-1006,"How do I cancel auto-renew for my membership?",en,android
        fb-1007,"直播卡顿怎么办",zh-CN,android
        """;

    private static async Task PrepareAsync(IServiceProvider services, bool seedDemo)
    {
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var first = await admin.CreateFirstAdminAsync(new NewUserInput { Email = AdminEmail, DisplayName = "Ada Admin", Password = Password, ConfirmPassword = Password });
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        var created = await admin.CreateAsync(PuoAiOps.Application.Common.Actor.User(first.UserId!, "Ada Admin"),
            new NewUserInput { Email = CuratorEmail, DisplayName = "Cora Curator", Password = Password, ConfirmPassword = Password, Role = Roles.Curator });
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        if (seedDemo) await scope.ServiceProvider.GetRequiredService<DemoWorkspace>().SeedAsync(TestContext.Current.CancellationToken);
    }
}
