using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Admin;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// A reviewer's look at the classifier on the demo workspace, in a real browser: the versions with
/// the serving one, an evaluation with its heatmap and curves drawn by ECharts, a comparison, a
/// training run followed in the jobs panel, and a promotion confirmed in the dialog. Any HTTP error,
/// console or script error fails the test. Screenshots go to docs/images/classifier-*.png.
/// </summary>
public sealed class ClassifierBrowserTests
{
    private const string Email = "ada@example.test";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Reviewer_ReadsEvaluations_TrainsAndPromotes_OnTheDemoWorkspace()
    {
        var chromium = ChromiumLocator.Require();
        var ct = TestContext.Current.CancellationToken;
        await using var console = new KestrelConsole().Start();
        await PrepareAsync(console.Services, ct);

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
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var shots = new Screenshots();

        await page.GotoAsync("/login");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(new Regex("/$"));
        // The overview of the demo workspace, for the README: the counts a newcomer sees on first start.
        await Assertions.Expect(page.Locator("main, #main").First).ToContainTextAsync("20,000"); // static or interactive shell
        await shots.TakeAsync(page, "overview-demo");

        // The versions: two demo versions, the better one serving, rollback offered.
        await page.GotoAsync("/classifier");
        await Assertions.Expect(page.Locator("[data-testid=versions] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=serving]")).ToContainTextAsync("all-labels");
        await Assertions.Expect(page.Locator("[data-testid=rollback]")).ToContainTextAsync("baseline");
        await shots.TakeAsync(page, "classifier-versions");

        // One version's evaluation, its three charts drawn.
        await page.ClickAsync("[data-testid=serving] a.serving-name");
        await page.WaitForURLAsync(new Regex("/classifier/versions/\\d+$"));
        await Assertions.Expect(page.Locator(".chart[data-chart-ready=done]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".chart-error")).ToHaveCountAsync(0);
        foreach (var chart in await page.Locator(".chart").AllAsync())
            await Assertions.Expect(chart.Locator("canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=worst-pairs] li").First).ToBeVisibleAsync();
        // Sorting by a column flips with a second click (worst F1 first is the default).
        await page.ClickAsync("[data-testid=per-intent] th a:has-text('F1')");
        await page.WaitForURLAsync(new Regex("sort=f1&dir=desc"));
        await page.ClickAsync("[data-testid=per-intent] th a:has-text('F1')");
        await page.WaitForURLAsync(new Regex("sort=f1&dir=asc"));
        await Assertions.Expect(page.Locator(".chart[data-chart-ready=done]")).ToHaveCountAsync(3);
        await shots.TakeAsync(page, "classifier-evaluation");

        // Baseline against current, side by side.
        await page.GotoAsync("/classifier");
        await page.ClickAsync("#versions button:has-text('Compare')");
        await page.WaitForURLAsync(new Regex("/classifier/compare\\?a=\\d+&b=\\d+"));
        await Assertions.Expect(page.Locator(".chart[data-chart-ready=done]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=deltas] .delta-up").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "classifier-compare");

        // Train a third version; the jobs panel follows it and the page reloads with the new row.
        await page.GotoAsync("/classifier");
        await page.FillAsync("#train-name", "from-the-browser");
        await page.ClickAsync("[data-testid=train-button]");
        await Assertions.Expect(page.Locator("#classifier-jobs")).ToContainTextAsync("Train offline model");
        await Assertions.Expect(page.Locator("[data-testid=versions] tbody tr")).ToHaveCountAsync(3, new() { Timeout = 120_000 });

        // Promote it (confirmed in the dialog), then roll back in one click.
        var row = page.Locator("[data-testid=versions] tbody tr", new() { HasText = "from-the-browser" });
        await row.Locator("[data-testid=promote]").ClickAsync();
        await page.WaitForURLAsync(new Regex("notice=promoted"));
        await Assertions.Expect(page.Locator("[data-testid=serving]")).ToContainTextAsync("from-the-browser");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("now serves");
        await page.ClickAsync("[data-testid=rollback]");
        await page.WaitForURLAsync(new Regex("notice=rolled-back"));
        await Assertions.Expect(page.Locator("[data-testid=serving]")).ToContainTextAsync("all-labels");
        await Assertions.Expect(page.Locator("[data-testid=rollback]")).ToContainTextAsync("baseline");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(page, "classifier-after-rollback", fullPage: false);

        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    /// <summary>The demo workspace with its classifier versions, and an admin who can sign in.</summary>
    private static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateFirstAdminAsync(new NewUserInput
        {
            Email = Email,
            DisplayName = "Ada Lovelace",
            Password = Password,
            ConfirmPassword = Password,
        }, ct);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        await new DemoWorkspace(scope.ServiceProvider.GetRequiredService<PuoDbContext>()).SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<DemoModels>().EnsureAsync(ct);
    }
}
