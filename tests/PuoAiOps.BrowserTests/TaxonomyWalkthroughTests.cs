using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Admin;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// On the demo workspace, in a real browser: a curator browses the taxonomy, previews and proposes a
/// merge, imports a question file; a reviewer approves the merge. Any 4xx/5xx, console or script
/// error fails the test. Screenshots go to docs/images (taxonomy-*, import-*).
/// </summary>
public sealed class TaxonomyWalkthroughTests
{
    private const string Password = "correct horse battery staple";
    private const string CuratorEmail = "cora@example.test";
    private const string ReviewerEmail = "rey@example.test";
    private const string AdminEmail = "ada@example.test";

    [Fact]
    public async Task Curator_ProposesAMergeWithImpactPreview_ImportsQuestions_AndReviewerApproves()
    {
        var chromium = ChromiumLocator.Require();
        await using var console = new KestrelConsole().Start();
        await PrepareAsync(console.Services);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumLocator.Args });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = console.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var problems = new BrowserProblems();
        problems.Watch(page);
        var shots = new Screenshots();

        // 1. The curator browses the taxonomy and searches in Chinese (htmx swaps the tree).
        await SignInAsync(page, CuratorEmail);
        await page.GotoAsync("/taxonomy");
        await Assertions.Expect(page.Locator("[data-domain=payments]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-browser");
        await page.FillAsync("#q", "充值");
        await Assertions.Expect(page.Locator("[data-intent=recharge_not_credited]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-domain=account]")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=%E5%85%85%E5%80%BC|q=充值"));
        await shots.TakeAsync(page, "taxonomy-search", fullPage: false);

        // 2. An intent's page: definition, usage, and its section of the annotation guide.
        await page.ClickAsync("[data-intent=recharge_not_credited]");
        await Assertions.Expect(page.Locator("[data-testid=guide-section]")).ToContainTextAsync("Definition.");
        await shots.TakeAsync(page, "taxonomy-intent");

        // 3. Merge: the impact is previewed before anything is proposed.
        var source = await IntentIdAsync(console.Services, "verification_code_not_received");
        var target = await IntentIdAsync(console.Services, "login_failed");
        await page.GotoAsync($"/taxonomy/propose/merge?source={source}");
        await page.SelectOptionAsync("#target", $"{target}");
        await Assertions.Expect(page.Locator("[data-testid=impact-total]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=propose]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-merge-preview");
        await page.ClickAsync("[data-testid=propose]");
        await page.WaitForURLAsync(new Regex(@"/taxonomy/proposals/\d+\?proposed=true$"));
        var proposalUrl = new Uri(page.Url).PathAndQuery.Split('?')[0];
        await Assertions.Expect(page.Locator("[data-testid=outcome]")).ToContainTextAsync("Proposed");
        await shots.TakeAsync(page, "taxonomy-proposal");

        // 4. The curator imports questions; the upload shows progress, then the run's report.
        await page.GotoAsync("/questions/import");
        await MudUi.WaitForCircuitAsync(page);
        await shots.TakeAsync(page, "import-upload");
        await page.SetInputFilesAsync("#question-file", new FilePayload { Name = "feedback-week-19.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(SampleCsv) });
        await page.FillAsync("#source", "app-feedback");
        await page.ClickAsync("[data-testid=upload]");
        await page.WaitForURLAsync(new Regex(@"/questions/imports/\d+(\?finished=true)?$"));
        await Assertions.Expect(page.Locator("[data-testid=import-report] [data-stat=imported] .stat-value")).ToHaveTextAsync("6");
        await Assertions.Expect(page.Locator("[data-testid=redaction-counts]")).ToContainTextAsync("<EMAIL>");
        await shots.TakeAsync(page, "import-report");
        await page.GotoAsync("/questions?source=app-feedback");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=questions] .question-text")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=questions]")).ToContainTextAsync("<script>");
        await shots.TakeAsync(page, "import-questions");

        // 5. A taxonomy file with a mistake is refused with the line of each problem.
        await page.GotoAsync("/taxonomy/yaml");
        await page.SetInputFilesAsync("#yaml-file", new FilePayload { Name = "taxonomy.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(BrokenYaml) });
        using (problems.Expect(422))
        {
            await page.ClickAsync("form[data-testid=yaml-import] button[type=submit]");
            await Assertions.Expect(page.Locator("#import-result [data-testid=error-feedback]")).ToContainTextAsync("Line 5");
        }
        await shots.TakeAsync(page, "taxonomy-yaml-errors");
        await SignOutAsync(page);

        // 6. The reviewer reads the proposal with its impact and approves it.
        await SignInAsync(page, ReviewerEmail);
        await page.GotoAsync("/taxonomy/proposals");
        await shots.TakeAsync(page, "taxonomy-proposals");
        await page.GotoAsync(proposalUrl);
        await Assertions.Expect(page.Locator("[data-testid=review-panel]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-review");
        await page.FillAsync("#approve-note", "Same problem, one intent");
        await page.ClickAsync("[data-testid=approve-form] button[type=submit]");
        await page.WaitForURLAsync(new Regex(@"reviewed=approved$"));
        await Assertions.Expect(page.Locator("[data-testid=outcome]")).ToContainTextAsync("Approved and published");
        await shots.TakeAsync(page, "taxonomy-approved");
        Assert.Equal(IntentStatus.Deprecated, await WithDbAsync(console.Services, db => db.Intents.Where(i => i.Id == source).Select(i => i.Status).SingleAsync()));

        await page.GotoAsync("/taxonomy/versions");
        await shots.TakeAsync(page, "taxonomy-versions");
        await SignOutAsync(page);

        // The admin's redaction-pattern step moved to AdminBrowserTests (the settings page is interactive).

        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
        TestContext.Current.SendDiagnosticMessage($"screenshots: {string.Join(", ", shots.Saved)}");
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

    private const string BrokenYaml = """
        format: puo-taxonomy/1
        domains:
        - key: payments
          intents:
          - key: Refund Status
            names: {en: Refund status}
          - key: payment_failed
            status: retired
            names: {en: Payment failed}
        """;

    /// <summary>A first admin, a curator and a reviewer (with passwords), and the demo workspace.</summary>
    private static async Task PrepareAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var first = await admin.CreateFirstAdminAsync(new NewUserInput { Email = AdminEmail, DisplayName = "Ada Admin", Password = Password, ConfirmPassword = Password });
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        var actor = PuoAiOps.Application.Common.Actor.User(first.UserId!, "Ada Admin");
        foreach (var (email, name, role) in new[] { (CuratorEmail, "Cora Curator", Roles.Curator), (ReviewerEmail, "Rey Reviewer", Roles.Reviewer) })
        {
            var created = await admin.CreateAsync(actor, new NewUserInput { Email = email, DisplayName = name, Password = Password, ConfirmPassword = Password, Role = role });
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        }
        await scope.ServiceProvider.GetRequiredService<DemoWorkspace>().SeedAsync(TestContext.Current.CancellationToken);
    }

    private static Task<int> IntentIdAsync(IServiceProvider services, string key) =>
        WithDbAsync(services, db => db.Intents.Where(i => i.Key == key).Select(i => i.Id).SingleAsync());

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<PuoDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PuoDbContext>());
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(new Regex("/$"));
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync(".user-menu-toggle");
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync(new Regex("/login$"));
    }
}
