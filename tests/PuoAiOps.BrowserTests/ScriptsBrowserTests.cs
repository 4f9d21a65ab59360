using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The reply-script workflow in a real browser: a curator edits an approved script, saves a draft
/// with a banned phrase (the finding is marked in the text and submission is blocked), fixes it and
/// submits it; a reviewer (another user) approves it; the new version is the one served; the
/// history's diff shows the change. Screenshots in English and Chinese. Any console error, failed
/// request or CSP violation fails the test.
/// </summary>
public sealed class ScriptsBrowserTests
{
    private const string Password = "correct horse battery staple";
    private const string CuratorEmail = "lin@example.test";
    private const string ReviewerEmail = "rex@example.test";
    private const string Approved = "Hi {{user_name}}, your refund is on its way. It reaches your account within 3 working days.";
    private const string WithError = "Hi {{user_name}}, we guarantee your refund reaches your account within 3 working days.";
    private const string Fixed = "Hi {{user_name}}, your refund reaches your account within 3 working days. Track it under Orders.";

    [Fact]
    public async Task Curator_FixesALintError_AndSubmits_ReviewerApproves_NewVersionIsServed_AndTheDiffShowsTheChange()
    {
        long scriptId = 0;
        await using var session = await BrowserSession.StartAsync(async c => scriptId = await SeedAsync(c));
        var console = session.Console;
        var shots = new Screenshots();

        // The curator finds the script in the library and opens it.
        var curator = session.Page;
        await MudUi.SignInAsync(curator, CuratorEmail, Password);
        await curator.GotoAsync("/scripts");
        await WaitForCircuitAsync(curator);
        await Assertions.Expect(curator.Locator("h1")).ToHaveTextAsync("Reply scripts");
        await curator.FillAsync("#script-search", "refund");
        await Assertions.Expect(curator.Locator("[data-testid=script-link]")).ToHaveCountAsync(1);
        await curator.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(curator, "scripts-library");
        await curator.ClickAsync("[data-testid=script-link]");
        await Assertions.Expect(curator).ToHaveURLAsync(new Regex($"/scripts/{scriptId}$"));
        await WaitForCircuitAsync(curator);
        await Assertions.Expect(curator.Locator("[data-testid=served-version]")).ToHaveTextAsync("Served: v1");

        // A banned phrase: saved as a draft, marked where it is, and submission is blocked.
        await curator.FillAsync("#script-body", WithError);
        await curator.ClickAsync("[data-testid=save-draft]");
        var banned = curator.Locator("[data-testid=linted-body] mark[data-rule~=banned-phrase]");
        await Assertions.Expect(banned).ToHaveTextAsync("guarantee");
        await Assertions.Expect(curator.Locator("[data-testid=findings] li[data-rule=banned-phrase]")).ToContainTextAsync("Banned phrase");
        await curator.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(curator, "scripts-lint");
        await Tab(curator, "Review").ClickAsync();
        await Assertions.Expect(curator.Locator("[data-testid=submit-review]")).ToBeDisabledAsync();
        await Assertions.Expect(curator.Locator("[data-testid=submit-hint]")).ToContainTextAsync("1 style error(s) block the review");

        // Fixed, saved (no error left) and submitted.
        await Tab(curator, "Draft").ClickAsync();
        await curator.FillAsync("#script-body", Fixed);
        await curator.ClickAsync("[data-testid=save-draft]");
        await Assertions.Expect(curator.Locator("[data-testid=linted-body]")).ToHaveTextAsync(Fixed);
        await Assertions.Expect(curator.Locator("[data-testid=findings] li[data-severity=error]")).ToHaveCountAsync(0);
        await Tab(curator, "Review").ClickAsync();
        await curator.ClickAsync("[data-testid=submit-review]");
        await Assertions.Expect(curator.Locator(".mud-snackbar", new() { HasText = "v2 submitted for review." })).ToBeVisibleAsync();
        await Assertions.Expect(curator.Locator("[data-testid=review-panel] [data-version-status=InReview]")).ToBeVisibleAsync();

        // Another user, a reviewer, approves it after confirming.
        var reviewer = await session.NewPageAsync();
        await MudUi.SignInAsync(reviewer, ReviewerEmail, Password);
        await reviewer.GotoAsync($"/scripts/{scriptId}");
        await WaitForCircuitAsync(reviewer);
        await Tab(reviewer, "Review").ClickAsync();
        await reviewer.FillAsync("#review-note", "Clear and correct.");
        await reviewer.ClickAsync("[data-testid=approve]");
        await reviewer.Locator(".mud-dialog .mud-button", new() { HasText = "Approve" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".mud-snackbar", new() { HasText = "v2 approved." })).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.Locator("[data-testid=served-version]")).ToHaveTextAsync("Served: v2");

        // The new version is the one served.
        await using (var scope = console.Services.CreateAsyncScope())
        {
            var served = Assert.Single(await scope.ServiceProvider.GetRequiredService<ScriptLibrary>().ServedAsync("refund_request", "en", ScriptChannels.Im, ct: TestContext.Current.CancellationToken));
            Assert.Equal((2, Fixed), (served.Number, served.Body));
        }

        // The history's diff (v1 → v2 by default) shows what changed, word by word.
        await Tab(reviewer, "History").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-testid=diff] ins").First).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.Locator("[data-testid=diff] del", new() { HasText = "is on its way" })).ToHaveCountAsync(1);
        await Assertions.Expect(reviewer.Locator("[data-testid=diff] ins", new() { HasText = "Track it under Orders" })).ToHaveCountAsync(1);
        await reviewer.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(reviewer, "scripts-diff");
        await Tab(reviewer, "Performance").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-testid=performance-none]")).ToBeVisibleAsync();

        // The same pages in Chinese.
        await reviewer.ClickAsync("[data-testid=language-picker] button");
        await reviewer.ClickAsync(".mud-popover-open [data-culture=zh-CN]");
        await Assertions.Expect(reviewer.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await WaitForCircuitAsync(reviewer);
        await Assertions.Expect(reviewer.Locator("[data-testid=served-version]")).ToHaveTextAsync("使用中：v2");
        await Tab(reviewer, "历史").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-testid=diff] ins").First).ToBeVisibleAsync();
        await reviewer.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(reviewer, "scripts-diff-zh");
        await reviewer.GotoAsync("/scripts");
        await WaitForCircuitAsync(reviewer);
        await Assertions.Expect(reviewer.Locator("h1")).ToHaveTextAsync("回复话术");
        await Assertions.Expect(reviewer.Locator("[data-testid=script-link]")).ToHaveCountAsync(1);
        await reviewer.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(reviewer, "scripts-library-zh");

        await curator.ClickAsync("[data-testid=language-picker] button");
        await curator.ClickAsync(".mud-popover-open [data-culture=zh-CN]");
        await Assertions.Expect(curator.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await WaitForCircuitAsync(curator);
        await curator.FillAsync("#script-body", Fixed.Replace("Track it", "We guarantee it", StringComparison.Ordinal));
        await curator.ClickAsync("[data-testid=save-draft]");
        await Assertions.Expect(curator.Locator("[data-testid=findings] li[data-rule=banned-phrase]")).ToContainTextAsync("禁用词");
        await curator.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(curator, "scripts-lint-zh");

        // Someone else saves the same draft meanwhile: this curator's next save writes nothing and
        // shows both texts; "save my text" (confirmed) then saves theirs over it, nothing lost.
        const string Theirs = "Hi {{user_name}}, your refund arrives within 3 working days.";
        const string Mine = "Hi {{user_name}}, your refund arrives within 2 working days.";
        await using (var scope = console.Services.CreateAsyncScope())
        {
            var details = await scope.ServiceProvider.GetRequiredService<ScriptLibrary>().GetAsync(scriptId, TestContext.Current.CancellationToken);
            var draft = details.Versions[0];
            var other = Actor.User("u-mei", "Mei", Roles.Curator);
            var saved = await scope.ServiceProvider.GetRequiredService<ScriptEditor>().SaveDraftAsync(
                scriptId, new DraftInput(Theirs, draft.Variables, draft.SopLinks, ExpectedStamp: draft.Stamp), other, TestContext.Current.CancellationToken);
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        }
        await curator.FillAsync("#script-body", Mine);
        await curator.ClickAsync("[data-testid=save-draft]");
        await Assertions.Expect(curator.Locator("[data-testid=conflict-theirs]")).ToHaveTextAsync(Theirs);
        await Assertions.Expect(curator.Locator("[data-testid=conflict-yours]")).ToHaveTextAsync(Mine);
        await curator.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(curator, "scripts-conflict-zh");
        await curator.ClickAsync("[data-testid=conflict-keep-mine]");
        await curator.Locator(".mud-dialog .mud-button", new() { HasText = "保存我的正文" }).ClickAsync();
        await Assertions.Expect(curator.Locator("[data-testid=linted-body]")).ToHaveTextAsync(Mine);
        await Assertions.Expect(curator.Locator("[data-testid=conflict]")).ToHaveCountAsync(0);

        session.AssertNoProblems();
    }

    private static ILocator Tab(IPage page, string name) => page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    private static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);

    /// <summary>A curator and a reviewer, an intent, and its English chat script approved at v1.</summary>
    private static async Task<long> SeedAsync(KestrelConsole console)
    {
        var ct = TestContext.Current.CancellationToken;
        var curator = await console.AddUserAsync(CuratorEmail, Password, "Lin", Roles.Curator);
        var reviewer = await console.AddUserAsync(ReviewerEmail, Password, "Rex", Roles.Reviewer);
        await using var scope = console.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var domain = new IntentDomain { Key = "payments", Names = new() { ["en"] = "Payments", ["zh-CN"] = "支付" } };
        domain.Intents.Add(new Intent { Key = "refund_request", Names = new() { ["en"] = "Refund request", ["zh-CN"] = "申请退款" }, Description = "The user asks for money back." });
        db.Domains.Add(domain);
        await db.SaveChangesAsync(ct);

        var asCurator = Actor.User(curator.Id, curator.DisplayName, Roles.Curator);
        var asReviewer = Actor.User(reviewer.Id, reviewer.DisplayName, Roles.Reviewer);
        var created = await scope.ServiceProvider.GetRequiredService<ScriptEditor>().CreateAsync(new NewScriptInput(
            "refund_request", "en", ScriptChannels.Im, "Refund on its way", new DraftInput(Approved, [new ScriptVariable("user_name")], ["refunds"])), asCurator, ct);
        var review = scope.ServiceProvider.GetRequiredService<ScriptReview>();
        var stamp = await review.SubmitAsync(created.VersionId, created.Stamp, asCurator, ct);
        await review.ApproveAsync(created.VersionId, stamp, asReviewer, ct: ct);
        return created.ScriptId;
    }
}
