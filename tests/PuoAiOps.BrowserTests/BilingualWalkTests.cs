using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Metrics;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The whole console, as each of the five roles, in English and in Chinese: a new workspace is set up at
/// /setup and given the demo content, then every page — the navigation's and the pages behind them — is opened by
/// each role in a browser that asks for each language. A page the role may not use must answer 403 inside the
/// console's frame, in that language; every other page must render over the circuit in it. The static pages
/// (setup, sign-in, an unknown address) are walked in both languages too. Any failed request, console error
/// (a CSP violation among them) or script error fails the test. Every Chinese page is also swept for English left
/// in it (<see cref="EnglishSweep"/>), with the classifier's and the grading's jobs run first (some of them failing
/// without an LLM), so their lines are on the pages too.
/// </summary>
public sealed class BilingualWalkTests
{
    private const string Password = "walk every page twice";

    [Fact]
    public async Task EveryRole_WalksEveryPage_InEnglishAndInChinese()
    {
        // Nothing seeded: the first admin is created through the setup page, which the first (Chinese) page shows first.
        await using var session = await BrowserSession.StartAsync(_ => Task.CompletedTask, locale: "zh-CN");
        var console = session.Console;
        var shots = new Screenshots();
        await SetUpAsync(session, shots);
        var pages = await PagesAsync(console.Services);
        var problems = session.Problems;
        var english = new List<string>();
        foreach (var (locale, lang, overview) in new[] { ("en-US", "en", "Overview"), ("zh-CN", "zh-CN", "概览") })
        {
            var page = await session.NewPageAsync(locale);
            await OpenStaticAsync(page, problems, "/login", 200, lang, lang == "en" ? "Sign in" : "登录");
            if (lang != "en") await shots.TakeAsync(page, "login-zh");
            foreach (var role in Roles.All)
            {
                await MudUi.SignInAsync(page, Email(role), Password);
                if (role == Roles.All[0]) // signed out, an unknown address leads to sign-in
                {
                    await OpenStaticAsync(page, problems, "/no/such/page", 404, lang, lang == "en" ? "Page not found" : "找不到页面");
                    if (lang != "en") await shots.TakeAsync(page, "not-found-zh");
                }
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
                await Assertions.Expect(page.Locator("[data-testid=console-nav]")).ToContainTextAsync(overview);
                foreach (var path in pages)
                {
                    await OpenAsync(page, problems, role, path, lang);
                    if (lang != "en") english.AddRange((await EnglishSweep.FindAsync(page)).Select(hit => $"{role} {path}: {hit}"));
                }
                await MudUi.SignOutAsync(page);
            }
            await page.Context.CloseAsync();
        }
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
        // Any English run on a Chinese page that EnglishSweepKnown.txt does not list fails the walk; PUO_ENGLISH_SWEEP=report
        // only reports them in the test output (to see every run at once while fixing them, never in CI).
        var found = "English on Chinese pages:" + Environment.NewLine + string.Join(Environment.NewLine, english.Distinct(StringComparer.Ordinal));
        if (Environment.GetEnvironmentVariable("PUO_ENGLISH_SWEEP") != "report") Assert.True(english.Count == 0, found);
        else if (english.Count > 0) TestContext.Current.SendDiagnosticMessage(found);
    }

    /// <summary>Opens <paramref name="path"/>: either the page, interactive and in <paramref name="lang"/>, or 403 in the shell.</summary>
    private static async Task OpenAsync(IPage page, BrowserProblems problems, string role, string path, string lang)
    {
        IResponse? response;
        using (problems.Expect(403)) response = await page.GotoAsync(path);
        Assert.True(response is not null, $"{role} {lang} {path}: no response");
        if (response.Status == 403)
        {
            await Assertions.Expect(page.Locator("[data-status='403']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
            await Assertions.Expect(page.Locator("[data-testid=console-nav]")).ToBeVisibleAsync();
            return;
        }
        Assert.True(response.Status == 200, $"{role} {lang} {path}: HTTP {response.Status}");
        try
        {
            await MudUi.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
            await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Exception");
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"{role} {lang} {path}: {e.Message}", e);
        }
    }

    /// <summary>A static page (no circuit): its status, its language and its heading.</summary>
    private static async Task OpenStaticAsync(IPage page, BrowserProblems problems, string path, int status, string lang, string heading)
    {
        IResponse? response;
        using (problems.Expect(status)) response = await page.GotoAsync(path);
        Assert.True(response?.Status == status, $"{lang} {path}: HTTP {response?.Status}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
    }

    /// <summary>The first admin through /setup (seen in Chinese first), then one colleague per other role (through the service the admin page uses).</summary>
    private static async Task SetUpAsync(BrowserSession session, Screenshots shots)
    {
        var setup = session.Page;
        await OpenStaticAsync(setup, session.Problems, "/setup", 200, "zh-CN", "设置工作区");
        await shots.TakeAsync(setup, "setup-zh");
        session.AssertNoProblems();
        await setup.Context.CloseAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/setup");
        await page.FillAsync("#email", Email(Roles.Admin));
        await page.FillAsync("#display-name", "Ada Admin");
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?setup=done$"));
        await page.Context.CloseAsync();

        var console = session.Console;
        await using var scope = console.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        // The demo content, as a first start with Demo:Seed would add it (in the background there; here before the walk).
        await new DemoWorkspace(db).SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoModels>().EnsureAsync();
        // What the schedule writes at start-up (it is off in these tests): rollups, the last days' reports, last week's grading sample.
        await MetricsSchedule.RunDueAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value, TimeProvider.System, default);
        var admin = await db.Users.Where(u => u.Email == Email(Roles.Admin)).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        await RunJobsAsync(console.Services, Actor.User(admin.Id, admin.DisplayName ?? "Ada Admin", Roles.Admin));
        foreach (var role in Roles.All.Where(r => r != Roles.Admin))
        {
            var result = await users.CreateAsync(Actor.User(admin.Id, admin.DisplayName ?? "Ada Admin", Roles.Admin), new NewUserInput
            {
                Email = Email(role), DisplayName = $"{role} Walker", Password = Password, ConfirmPassword = Password, Role = role,
            });
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }
    }

    /// <summary>
    /// Background jobs whose lines the pages show: the classifier's list (one queued from the command line, the
    /// LLM evaluation failing without an LLM, a batch classification) and the LLM judge failing without one.
    /// </summary>
    private static async Task RunJobsAsync(IServiceProvider services, Actor admin)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
            var actor = JobActor.From(admin);
            await queue.EnqueueAsync(ClassifierJobKinds.BatchClassify, new BatchJobPayload { Actor = actor }, Actor.System("puo"), single: false, default);
            await queue.EnqueueAsync(ClassifierJobKinds.EvaluateLlm, new LlmJobPayload { Actor = actor }, admin, single: false, default);
            await queue.EnqueueAsync(JudgeJobKinds.Run, new JudgeJobPayload { Period = "2026-W01" }, admin, single: false, default);
        }
        // The host's own runner may lease some of them first: wait for every row to end either way.
        await services.GetRequiredService<JobRunner>().DrainAsync(default);
        await Poll.UntilAsync(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            return !await db.Jobs.AnyAsync(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running);
        }, TimeSpan.FromMinutes(5), "the walk's jobs to end");
    }

    /// <summary>Every page of the console, with the demo workspace's first item where a page shows one thing.</summary>
    private static async Task<List<string>> PagesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var batch = await db.Batches.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var intent = await db.Intents.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var proposal = await db.TaxonomyChanges.OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync();
        var model = await db.ModelVersions.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        var script = await db.Scripts.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var report = await db.MetricReports.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var document = await db.Documents.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        List<string> pages =
        [
            "/", "/profile",
            "/annotate", "/annotate/batches/new", $"/annotate/batches/{batch}", $"/annotate/batches/{batch}/label",
            $"/annotate/batches/{batch}/quality", "/annotate/adjudicate", "/annotate/guides",
            "/taxonomy", $"/taxonomy/intents/{intent}", $"/taxonomy/intents/{intent}/edit", $"/taxonomy/intents/{intent}/rename",
            $"/taxonomy/intents/{intent}/split", $"/taxonomy/intents/{intent}/deprecate", "/taxonomy/propose/add",
            "/taxonomy/propose/merge", "/taxonomy/proposals", "/taxonomy/versions", "/taxonomy/yaml", "/taxonomy/guides",
            "/questions", "/questions/import",
            "/classifier", $"/classifier/versions/{model}", "/classifier/compare",
            "/scripts", $"/scripts/{script}", "/scripts/new", "/scripts/coverage", "/scripts/standardize", "/scripts/rules",
            "/knowledge", $"/knowledge/documents/{document}", "/knowledge/retrieval", "/knowledge/glossary", "/playground", "/conversations",
            "/dashboards", "/grading", "/reports", $"/reports/{report}", "/escalations",
            "/admin/users", "/admin/users/new", "/admin/audit", "/admin/api-keys", "/admin/settings",
        ];
        if (proposal is { } p) pages.Add($"/taxonomy/proposals/{p}");
        return pages;
    }

    private static string Email(string role) => $"{role.ToLowerInvariant()}@walk.example";
}
