using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// Dashboards, reports and the grading queue in a real browser, as a reviewer, on the demo's 90 days:
/// the headline indicators with counts and the incident's anomaly, filters that land in the URL, a
/// report generated on demand (a job) then read and downloaded, and two answers graded with the keyboard.
/// Screenshots in English and Chinese. Any console error or failed request fails the test.
/// </summary>
public sealed class InsightsBrowserTests
{
    private const string Email = "rita@example.test";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Reviewer_ReadsTheDashboards_GeneratesAndReadsAReport_AndGradesWithTheKeyboard()
    {
        (DateOnly Today, string Week) seeded = default;
        // A taller window than the other walkthroughs (as this one was written and screenshotted).
        await using var session = await BrowserSession.StartAsync(async c => seeded = await SeedAsync(c),
            viewport: new ViewportSize { Width = 1440, Height = 1000 });
        var (today, week) = seeded;
        var page = session.Page;
        var shots = new Screenshots();
        await MudUi.SignInAsync(page, Email, Password);

        // Dashboards over the last 28 days: four headline cards with counts, the incident flagged, trend, funnel, worst intents.
        var from = Day(today.AddDays(-28));
        var to = Day(today.AddDays(-1));
        await page.GotoAsync($"/dashboards?from={from}&to={to}");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=indicator]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-metric=accuracy] [data-testid=indicator-counts]")).ToHaveTextAsync(new Regex(@"\d+ / \d"));
        await Assertions.Expect(page.Locator("[data-testid=definitions-version]")).ToContainTextAsync(MetricRegistry.Version);
        await Assertions.Expect(page.Locator("[data-testid=anomaly-alert]", new() { HasText = today.AddDays(-23).ToString("d", CultureInfo.GetCultureInfo("en-US")) }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=daily-chart] canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=funnel-chart] canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=worst-intent-link]").First).ToHaveAttributeAsync("href", new Regex($"^/conversations\\?from={from}&to={to}&intent="));
        await Shot(page, shots, "dashboards");
        // A filter changes the URL, so the view can be shared.
        await MudUi.SelectAsync(page, page.Locator("[data-testid=dashboard-filters]"), "Locale", "zh-CN");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("locale=zh-CN"));
        await Assertions.Expect(page.Locator("[data-testid=indicator]")).ToHaveCountAsync(4);

        // Reports: the stored daily report is listed; generating it again runs as a job; then read and download it.
        await page.GotoAsync("/reports");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=report-link]", new() { HasText = to })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("input[data-testid=generate-period]")).ToHaveValueAsync(to);
        await page.ClickAsync("[data-testid=generate-button]");
        await Assertions.Expect(page.Locator("[data-testid=job-progress][data-job-status=succeeded]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await MudUi.ExpectSnackbarAsync(page, "report ready");
        await page.Locator("[data-testid=report-link]", new() { HasText = to }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reports/\\d+$"));
        await Assertions.Expect(page.Locator("[data-testid=report]")).ToContainTextAsync("Problem resolution");
        await Assertions.Expect(page.Locator("[data-testid=report-version]")).ToContainTextAsync(MetricRegistry.Version);
        var csv = await page.APIRequest.GetAsync(await page.Locator("[data-testid=download-csv]").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("section,key,label", (await csv.TextAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        await Shot(page, shots, "report");

        // Grading: the oldest week with work left; 3 (incorrect) + a (wrong intent) + Enter, then 1 (correct) + Enter.
        await page.GotoAsync($"/grading?period={week}");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=grading-item]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-keys-ready=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=grading-graded]")).ToContainTextAsync("0 of 12");
        await Assertions.Expect(page.Locator("[data-testid=judge-chart] canvas")).ToHaveCountAsync(1);
        await Shot(page, shots, "grading");
        await page.Keyboard.PressAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=verdict-incorrect]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=grading-error]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator("[data-testid=reason-wrong_intent]")).ToHaveAttributeAsync("data-selected", "true");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=grading-graded]")).ToContainTextAsync("1 of 12");
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=grading-graded]")).ToContainTextAsync("2 of 12");

        // The same pages in Chinese.
        await page.ClickAsync("[data-testid=language-picker] button");
        await page.ClickAsync(".mud-popover-open [data-culture=zh-CN]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("回答评分");
        await Shot(page, shots, "grading-zh");
        await page.GotoAsync($"/dashboards?from={from}&to={to}");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("仪表板");
        await Assertions.Expect(page.Locator("[data-metric=resolution]")).ToContainTextAsync("问题解决率");
        await Assertions.Expect(page.Locator("[data-testid=daily-chart] canvas")).ToHaveCountAsync(1);
        await Shot(page, shots, "dashboards-zh");
        await page.GotoAsync("/reports");
        await MudUi.WaitForCircuitAsync(page);
        await page.Locator("[data-testid=report-link]", new() { HasText = to }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reports/\\d+$"));
        await Assertions.Expect(page.Locator("[data-testid=report]")).ToContainTextAsync("问题解决率");
        await Shot(page, shots, "report-zh");

        session.AssertNoProblems();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task Shot(IPage page, Screenshots shots, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(page, name);
    }

    /// <summary>A reviewer; the demo workspace with its rollups, yesterday's daily report and a 12-answer sample of two weeks ago.</summary>
    private static async Task<(DateOnly Today, string Week)> SeedAsync(KestrelConsole console)
    {
        var ct = TestContext.Current.CancellationToken;
        await console.AddUserAsync(Email, Password, "Rita", Roles.Reviewer);
        await using var scope = console.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await new DemoWorkspace(sp.GetRequiredService<PuoDbContext>()).SeedAsync(ct);
        await sp.GetRequiredService<RollupBuilder>().BuildAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await sp.GetRequiredService<ReportService>().GenerateDailyAsync(today.AddDays(-1), "test", ct);
        var week = ReportingCalendar.IsoWeekOf(today.AddDays(-14));
        await sp.GetRequiredService<GradingService>().DrawSampleAsync(week, 12, ct);
        return (today, week);
    }
}
