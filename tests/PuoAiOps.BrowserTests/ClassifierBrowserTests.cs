using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Admin;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// A reviewer's look at the classifier on the demo workspace, in a real browser over the circuit: the
/// versions with the serving one, an evaluation with its heatmap and curves drawn by ECharts, a
/// comparison, a training run whose pushed progress reaches 100 %, and a promotion and a rollback each
/// confirmed in a dialog; then the same pages in Chinese. Any HTTP error, console or script error fails
/// the test. Screenshots go to docs/images/classifier-*.png (and -zh) with PUO_SCREENSHOTS=1.
/// </summary>
public sealed class ClassifierBrowserTests
{
    private const string Email = "ada@example.test";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Reviewer_ReadsEvaluations_TrainsAndPromotes_OnTheDemoWorkspace()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await BrowserSession.StartAsync(c => PrepareAsync(c.Services, ct));
        var shots = new Screenshots();
        var page = session.Page;
        await MudUi.SignInAsync(page, Email, Password);
        // The overview of the demo workspace, for the README: the counts a newcomer sees on first start.
        await Assertions.Expect(page.Locator("#main")).ToContainTextAsync("20,000");
        await shots.TakeAsync(page, "overview-demo");

        // The versions: two demo versions, the better one serving, rollback offered.
        await OpenAsync(page, "/classifier");
        await Assertions.Expect(page.Locator("[data-testid=versions] [data-version]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=serving]")).ToContainTextAsync("all-labels");
        await Assertions.Expect(page.Locator("[data-testid=rollback]")).ToContainTextAsync("baseline");
        await shots.TakeAsync(page, "classifier-versions");

        // One version's evaluation, its three charts drawn on canvases.
        await page.ClickAsync("[data-testid=serving] a.serving-name");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/classifier/versions/\\d+$"));
        await MudUi.WaitForCircuitAsync(page);
        await ExpectChartsAsync(page, 3);
        await Assertions.Expect(page.Locator("[data-testid=worst-pairs] li").First).ToBeVisibleAsync();
        // The per-intent table opens worst F1 first; a click on a column's title sorts by it instead.
        var f1 = page.Locator("[data-testid=per-intent] th", new() { HasText = "F1" });
        var support = page.Locator("[data-testid=per-intent] th", new() { HasText = "Support" });
        await Assertions.Expect(f1).ToHaveAttributeAsync("aria-sort", "ascending");
        await support.Locator(".sortable-column-header").ClickAsync();
        await Assertions.Expect(support).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(f1).Not.ToHaveAttributeAsync("aria-sort", "ascending");
        await shots.TakeAsync(page, "classifier-evaluation");

        // Baseline against current, side by side.
        await OpenAsync(page, "/classifier");
        await MudUi.ClickToNavigateAsync(page, page.Locator("[data-testid=compare]"), new Regex("/classifier/compare\\?a=\\d+&b=\\d+"));
        await MudUi.WaitForCircuitAsync(page);
        await ExpectChartsAsync(page, 1);
        await Assertions.Expect(page.Locator("[data-testid=deltas] .delta-up").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "classifier-compare");

        // Train a third version: its progress is pushed to the page until it reaches 100 %, then the grid has the new row.
        await OpenAsync(page, "/classifier");
        await page.FillAsync("#train-name", "from-the-browser");
        // Every state the progress bar goes through is recorded as the DOM changes: on a fast machine "running"
        // lasted less than one poll of an expectation, so the pushed updates are checked from this record.
        await page.EvaluateAsync(JobStateRecorder);
        await page.ClickAsync("[data-testid=train-button]");
        await Assertions.Expect(page.Locator("[data-testid=jobs]")).ToContainTextAsync("Train offline model");
        var progress = page.Locator("[data-testid=jobs] [data-testid=job-progress]").First;
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-progress", "100", new() { Timeout = 180_000 });
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-job-status", "succeeded");
        var states = await page.EvaluateAsync<string[]>("() => window.__jobStates");
        // Pushed over the circuit: the bar changed in place at least once after it appeared, ending at 100 %
        // (intermediate states may be folded into one render when the job is quick).
        Assert.True(states.Length >= 2, $"job states seen: {string.Join(", ", states)}");
        Assert.Equal("succeeded:100", states[^1]);
        await Assertions.Expect(page.Locator("[data-testid=versions] [data-version]")).ToHaveCountAsync(3);
        await shots.TakeAsync(page, "classifier-trained", fullPage: false);

        // Promote it, confirmed in the dialog; then roll back, confirmed too.
        var row = page.Locator("[data-testid=versions] tr", new() { HasText = "from-the-browser" });
        await row.Locator("[data-testid=promote]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("from-the-browser");
        await shots.TakeAsync(page, "classifier-promote-dialog", fullPage: false);
        await page.Locator(".mud-dialog button", new() { HasText = "Promote" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "now serves" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=serving]")).ToContainTextAsync("from-the-browser");
        await page.ClickAsync("[data-testid=rollback]");
        await page.Locator(".mud-dialog button", new() { HasText = "Roll back" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=serving]")).ToContainTextAsync("all-labels");
        await Assertions.Expect(page.Locator("[data-testid=rollback]")).ToContainTextAsync("baseline");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(page, "classifier-after-rollback", fullPage: false);

        // The same pages for a reader whose browser asks for Chinese.
        var zh = await session.NewPageAsync("zh-CN");
        await MudUi.SignInAsync(zh, Email, Password);
        await OpenAsync(zh, "/classifier");
        await Assertions.Expect(zh.Locator("h1")).ToHaveTextAsync("分类器");
        await Assertions.Expect(zh.Locator("[data-testid=versions] [data-version]")).ToHaveCountAsync(3);
        await shots.TakeAsync(zh, "classifier-versions-zh");
        await zh.ClickAsync("[data-testid=serving] a.serving-name");
        await Assertions.Expect(zh).ToHaveURLAsync(new Regex("/classifier/versions/\\d+$"));
        await MudUi.WaitForCircuitAsync(zh);
        await ExpectChartsAsync(zh, 3);
        await Assertions.Expect(zh.Locator("[data-testid=metrics]")).ToContainTextAsync("准确率");
        await shots.TakeAsync(zh, "classifier-evaluation-zh");
        await OpenAsync(zh, "/classifier");
        await MudUi.ClickToNavigateAsync(zh, zh.Locator("[data-testid=compare]"), new Regex("/classifier/compare\\?a=\\d+&b=\\d+"));
        await MudUi.WaitForCircuitAsync(zh);
        await ExpectChartsAsync(zh, 1);
        await shots.TakeAsync(zh, "classifier-compare-zh");

        session.AssertNoProblems();
    }

    /// <summary>Records "status:progress" of every job progress bar each time it is added or its attributes change.</summary>
    private const string JobStateRecorder = """
        () => {
          window.__jobStates = [];
          const record = (element) => window.__jobStates.push(`${element.dataset.jobStatus}:${element.dataset.progress}`);
          new MutationObserver((mutations) => {
            for (const m of mutations) {
              if (m.type === 'attributes' && m.target.dataset?.testid === 'job-progress') record(m.target);
              for (const node of m.addedNodes) {
                if (!(node instanceof Element)) continue;
                if (node.dataset.testid === 'job-progress') record(node);
                node.querySelectorAll('[data-testid=job-progress]').forEach(record);
              }
            }
          }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-job-status', 'data-progress'] });
        }
        """;

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await MudUi.WaitForCircuitAsync(page);
    }

    /// <summary>Each chart container has its ECharts canvas, and none reports a failure.</summary>
    private static async Task ExpectChartsAsync(IPage page, int count)
    {
        await Assertions.Expect(page.Locator(".console-chart")).ToHaveCountAsync(count);
        foreach (var chart in await page.Locator(".console-chart").AllAsync())
            await Assertions.Expect(chart.Locator("canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".console-chart + .mud-alert")).ToHaveCountAsync(0);
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
