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
/// On the demo workspace, in a real browser, on the interactive taxonomy pages: a curator browses
/// and searches the intents, previews and proposes a merge (picking the target by its name),
/// imports a question file and a refused taxonomy file; a reviewer approves the merge; the same in
/// Chinese ending in a rejection. Any 4xx/5xx, console or script error fails the test. Screenshots
/// go to docs/images on request (taxonomy-*, taxonomy-*-zh, import-*).
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
        await using var session = await BrowserSession.StartAsync(c => PrepareAsync(c.Services));
        var console = session.Console;
        var page = session.Page;
        var shots = new Screenshots();

        // 1. The curator browses the intents (a server-paged table) and searches in Chinese.
        await SignInAsync(page, CuratorEmail);
        await OpenInteractiveAsync(page, "/taxonomy");
        await Assertions.Expect(page.Locator("[data-testid=intents] [data-domain=payments]").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-browser");
        await page.FillAsync("#q", "充值");
        await Assertions.Expect(page.Locator("[data-intent=recharge_not_credited]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=intents] [data-domain=account]")).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "taxonomy-search", fullPage: false);

        // 2. An intent's page: definition, usage, and its section of the annotation guide (over the circuit).
        await page.ClickAsync("[data-intent=recharge_not_credited]");
        await Assertions.Expect(page.Locator("[data-testid=guide-section]")).ToContainTextAsync("Definition.");
        await shots.TakeAsync(page, "taxonomy-intent");

        // 3. Merge: the target is found by its name; the impact is previewed before anything is proposed,
        //    and proposing asks for a confirmation.
        var source = await IntentIdAsync(console.Services, "verification_code_not_received");
        await OpenInteractiveAsync(page, $"/taxonomy/propose/merge?source={source}");
        await Assertions.Expect(page.Locator("[data-testid=sources] [data-source=verification_code_not_received]")).ToBeVisibleAsync();
        await MudUi.PickIntentAsync(page, "#target", "Login failed", "login_failed");
        await Assertions.Expect(page.Locator("[data-testid=impact-total]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-merge-preview");
        await page.ClickAsync("[data-testid=propose]");
        await ConfirmAsync(page, "Propose this merge");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/taxonomy/proposals/\d+\?proposed=true$"));
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
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/questions/imports/\d+(\?finished=true)?$"));
        await Assertions.Expect(page.Locator("[data-testid=import-report] [data-stat=imported] .stat-value")).ToHaveTextAsync("6");
        await Assertions.Expect(page.Locator("[data-testid=redaction-counts]")).ToContainTextAsync("<EMAIL>");
        await shots.TakeAsync(page, "import-report");
        await page.GotoAsync("/questions?source=app-feedback");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=questions] .question-text")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=questions]")).ToContainTextAsync("<script>");
        await shots.TakeAsync(page, "import-questions");

        // 5. A taxonomy file with a mistake is refused in the page, with the line of each problem; nothing is stored.
        var proposalsBefore = await WithDbAsync(console.Services, db => db.TaxonomyChanges.CountAsync());
        await ImportBrokenYamlAsync(page, "Line 5");
        await shots.TakeAsync(page, "taxonomy-yaml-errors");
        Assert.Equal(proposalsBefore, await WithDbAsync(console.Services, db => db.TaxonomyChanges.CountAsync()));
        await SignOutAsync(page);

        // 6. The reviewer reads the proposal with its impact and approves it, after a confirmation.
        await SignInAsync(page, ReviewerEmail);
        await OpenInteractiveAsync(page, "/taxonomy/proposals");
        await Assertions.Expect(page.Locator("[data-testid=proposals] [data-change]").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-proposals");
        await OpenInteractiveAsync(page, proposalUrl);
        await Assertions.Expect(page.Locator("[data-testid=review-panel]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-review");
        await page.FillAsync("#approve-note", "Same problem, one intent");
        await page.ClickAsync("[data-testid=approve]");
        await ConfirmAsync(page, "Approve and publish");
        await Assertions.Expect(page.Locator("[data-testid=outcome]")).ToContainTextAsync("Approved and published");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("is published");
        await shots.TakeAsync(page, "taxonomy-approved");
        Assert.Equal(IntentStatus.Deprecated, await WithDbAsync(console.Services, db => db.Intents.Where(i => i.Id == source).Select(i => i.Status).SingleAsync()));

        await OpenInteractiveAsync(page, "/taxonomy/versions");
        await Assertions.Expect(page.Locator("[data-testid=versions] [data-version]").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-versions");
        await SignOutAsync(page);

        session.AssertNoProblems();
        TestContext.Current.SendDiagnosticMessage($"screenshots: {string.Join(", ", shots.Saved)}");
    }

    /// <summary>
    /// The same pages for a reader whose browser asks for Chinese: a curator proposes a merge, a
    /// file is refused, and a reviewer rejects the proposal (a reason is required at the field).
    /// </summary>
    [Fact]
    public async Task InChinese_CuratorProposesAMerge_AndReviewerRejectsItWithAReason()
    {
        await using var session = await BrowserSession.StartAsync(c => PrepareAsync(c.Services), locale: "zh-CN");
        var console = session.Console;
        var page = session.Page;
        var shots = new Screenshots();

        await SignInAsync(page, CuratorEmail);
        await OpenInteractiveAsync(page, "/taxonomy");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("意图分类体系");
        await Assertions.Expect(page.Locator("[data-testid=intents] [data-domain=payments]").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-browser-zh");

        await page.ClickAsync("[data-intent=recharge_not_credited]");
        await Assertions.Expect(page.Locator("[data-testid=guide-section]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#main")).ToContainTextAsync("使用情况");
        await shots.TakeAsync(page, "taxonomy-intent-zh");

        // The target is found by its Chinese name.
        var source = await IntentIdAsync(console.Services, "gift_effects_missing");
        await OpenInteractiveAsync(page, $"/taxonomy/propose/merge?source={source}");
        await Assertions.Expect(page.Locator("[data-testid=sources] [data-source=gift_effects_missing]")).ToBeVisibleAsync();
        var targetName = await WithDbAsync(console.Services, async db => (await db.Intents.SingleAsync(i => i.Key == "gift_sent_not_shown")).Names["zh-CN"]);
        await MudUi.PickIntentAsync(page, "#target", targetName, "gift_sent_not_shown");
        await Assertions.Expect(page.Locator("[data-testid=impact]")).ToContainTextAsync("回复话术");
        await shots.TakeAsync(page, "taxonomy-merge-preview-zh");
        await page.ClickAsync("[data-testid=propose]");
        await ConfirmAsync(page, "提出此合并");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/taxonomy/proposals/\d+\?proposed=true$"));
        var proposalUrl = new Uri(page.Url).PathAndQuery.Split('?')[0];
        await Assertions.Expect(page.Locator("[data-testid=outcome]")).ToContainTextAsync("已提出");
        await shots.TakeAsync(page, "taxonomy-proposal-zh");

        await ImportBrokenYamlAsync(page, "第 5 行");
        await shots.TakeAsync(page, "taxonomy-yaml-errors-zh");
        await SignOutAsync(page);

        await SignInAsync(page, ReviewerEmail);
        await OpenInteractiveAsync(page, "/taxonomy/proposals");
        await Assertions.Expect(page.Locator("[data-testid=proposals] [data-change]").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-proposals-zh");
        await OpenInteractiveAsync(page, proposalUrl);
        await Assertions.Expect(page.Locator("[data-testid=review-panel]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "taxonomy-review-zh");
        await page.ClickAsync("[data-testid=reject]");
        await Assertions.Expect(page.Locator("[data-testid=reject-form] .mud-input-control")).ToContainTextAsync("请说明原因");
        await page.FillAsync("#reject-note", "礼物特效问题仍然很多，保持独立。");
        await page.Keyboard.PressAsync("Tab"); // the field reports its value when it loses the focus, before the click
        await page.ClickAsync("[data-testid=reject]");
        await Assertions.Expect(page.Locator("[data-testid=outcome]")).ToContainTextAsync("已驳回");
        await Assertions.Expect(page.Locator("[data-testid=review-note]")).ToContainTextAsync("礼物特效问题仍然很多");
        Assert.Equal(IntentStatus.Active, await WithDbAsync(console.Services, db => db.Intents.Where(i => i.Id == source).Select(i => i.Status).SingleAsync()));

        // A rejection publishes nothing, and the demo workspace starts without versions.
        await OpenInteractiveAsync(page, "/taxonomy/versions");
        await Assertions.Expect(page.Locator("[data-testid=versions] [data-testid=empty]")).ToContainTextAsync("尚未发布任何版本");
        await shots.TakeAsync(page, "taxonomy-versions-zh");

        session.AssertNoProblems();
        TestContext.Current.SendDiagnosticMessage($"screenshots: {string.Join(", ", shots.Saved)}");
    }

    /// <summary>Loads an interactive page and waits until its circuit runs (the layout marks itself).</summary>
    private static async Task OpenInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
    }

    /// <summary>Answers the confirmation dialog with its button labelled <paramref name="yes"/>.</summary>
    private static async Task ConfirmAsync(IPage page, string yes)
    {
        var button = page.Locator(".mud-dialog button", new() { HasText = yes });
        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();
    }

    private static async Task ImportBrokenYamlAsync(IPage page, string expectedText)
    {
        await OpenInteractiveAsync(page, "/taxonomy/yaml");
        await page.SetInputFilesAsync("#yaml-file", new FilePayload { Name = "taxonomy.yaml", MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(BrokenYaml) });
        await page.ClickAsync("[data-testid=import]");
        await Assertions.Expect(page.Locator("#import-result [data-testid=error-feedback]")).ToContainTextAsync(expectedText);
        await Assertions.Expect(page.Locator("#import-result [data-testid=error-feedback]")).ToContainTextAsync("5");
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

    /// <summary>Signs in and waits for the overview's circuit, so the next page is not opened while that circuit is still connecting.</summary>
    private static Task SignInAsync(IPage page, string email) => MudUi.SignInAsync(page, email, Password);

    /// <summary>Signs out from the app bar's user menu.</summary>
    private static Task SignOutAsync(IPage page) => MudUi.SignOutAsync(page);
}
