using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The other reply-script pages in a real browser, as an admin: coverage (KPI, chart, gaps,
/// near-duplicates side by side), standardize (a pasted answer, then two imported agent replies, become a linted draft saved
/// for review), and the style rules (a new banned phrase is saved and then flagged). Screenshots in
/// English and Chinese. Any console error or failed request fails the test.
/// </summary>
public sealed class ScriptInsightsBrowserTests
{
    private const string Email = "ada@example.test";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Admin_SeesCoverage_StandardizesAnAnswer_AndChangesTheStyleRules()
    {
        await using var session = await BrowserSession.StartAsync(SeedAsync);
        var console = session.Console;
        var page = session.Page;
        var shots = new Screenshots();

        await session.SignInAsync(Email, Password);

        // Coverage: 1 of 6 intent × language pairs covered; the gaps charted and listed; the near-duplicate pair side by side.
        await page.GotoAsync("/scripts/coverage");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=coverage-kpi]")).ToContainTextAsync("1 of 6");
        await Assertions.Expect(page.Locator("[data-testid=coverage-chart] canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=coverage-gaps] tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=coverage-gaps] tbody tr").First).ToContainTextAsync("payout_delay");
        await page.Locator("[data-testid=duplicates] .mud-expand-panel-header").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=duplicates] .script-body")).ToHaveCountAsync(2);
        await Shot(page, shots, "scripts-coverage");

        // Standardize: order number and e-mail become variables, the banned promise is gone or flagged; saved as a draft.
        await page.GotoAsync("/scripts/standardize");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=no-model]")).ToBeVisibleAsync();
        await page.FillAsync("#standardize-answer", "hello Sam, your order 12345678 is delayed, we guarantee it ships tomorrow. Mail sam@example.com for help");
        await page.ClickAsync("[data-testid=standardize]");
        await Assertions.Expect(page.Locator("[data-testid=standardize-variables]")).ToContainTextAsync("{{order_id}}");
        await Assertions.Expect(page.Locator("[data-testid=linted-body]")).Not.ToContainTextAsync("sam@example.com");
        await Shot(page, shots, "scripts-standardize");

        // Or from imported agent replies: a Bitext-shaped file is uploaded, two replies are ticked and standardized
        // together, and the draft is saved for review as a new script.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Pick agent replies" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=no-replies]")).ToBeVisibleAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "bitext.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("instruction,intent,response\n" +
                "where is my refund,refund_request,\"Your refund for order {{Order Number}} is on its way, we guarantee it.\"\n" +
                "refund please,refund_request,\"I've asked for the refund of order {{Order Number}}; mail tom@example.com if it's late.\"\n"),
        });
        await MudUi.ExpectSnackbarAsync(page, "Imported 2 replies");
        var replies = page.Locator("[data-testid=agent-replies] tbody tr");
        await Assertions.Expect(replies).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=agent-replies]")).Not.ToContainTextAsync("tom@example.com");
        await replies.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await replies.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("[data-testid=standardize]");
        await Assertions.Expect(page.Locator("[data-testid=linted-body]")).ToContainTextAsync("on its way");
        await Assertions.Expect(page.Locator("[data-testid=linted-body]")).ToContainTextAsync("asked for the refund");
        await Shot(page, shots, "scripts-standardize-replies");
        // refund_request already has an English chat script (seeded below), so the new one goes to another intent.
        await MudUi.PickFromAutocompleteAsync(page, "#standardize-intent", "account",
            page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "account_locked" }), new Regex("^account_locked$"));
        await page.FillAsync("#standardize-title", "Refund on its way (from agent replies)");
        await MudUi.ClickToNavigateAsync(page, page.Locator("[data-testid=standardize-save]"), new Regex("/scripts/\\d+$"));
        await MudUi.WaitForCircuitAsync(page);
        await using (var scope = console.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var saved = await db.Scripts.Where(x => x.Title == "Refund on its way (from agent replies)").Select(x => x.Id).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(ScriptVersionStatus.Draft, await db.ScriptVersions.Where(v => v.ScriptId == saved).Select(v => v.Status).SingleAsync(TestContext.Current.CancellationToken));
        }

        // Style rules: a new banned phrase for English chat, saved after confirming, flags the next lint.
        await page.GotoAsync("/scripts/rules");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=rules-default]")).ToBeVisibleAsync();
        var banned = await page.InputValueAsync("#rules-banned");
        await page.FillAsync("#rules-banned", banned + "\nasap | jargon | as soon as we can");
        await page.ClickAsync("[data-testid=rules-save]");
        await page.Locator(".mud-dialog .mud-button", new() { HasText = "Save rules" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rules-customised]")).ToBeVisibleAsync();
        await Shot(page, shots, "scripts-rules");
        await using (var scope = console.Services.CreateAsyncScope())
        {
            var rules = await scope.ServiceProvider.GetRequiredService<StyleRuleSettings>().ForAsync("en", ScriptChannels.Im, TestContext.Current.CancellationToken);
            Assert.Contains(rules.BannedPhrases, b => b.Phrase == "asap" && b.Replacement == "as soon as we can");
        }

        // The same pages in Chinese.
        await page.ClickAsync("[data-testid=language-picker] button");
        await page.ClickAsync(".mud-popover-open [data-culture=zh-CN]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("风格规则");
        await Shot(page, shots, "scripts-rules-zh");
        await page.GotoAsync("/scripts/coverage");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=coverage-chart] canvas")).ToHaveCountAsync(1);
        await Shot(page, shots, "scripts-coverage-zh");
        await page.GotoAsync("/scripts/standardize");
        await MudUi.WaitForCircuitAsync(page);
        await page.FillAsync("#standardize-answer", "亲，您的订单 12345678 明天发货，我们保证。");
        await page.ClickAsync("[data-testid=standardize]");
        await Assertions.Expect(page.Locator("[data-testid=standardize-variables]")).ToContainTextAsync("{{order_id}}");
        await Shot(page, shots, "scripts-standardize-zh");

        session.AssertNoProblems();
    }

    private static async Task Shot(IPage page, Screenshots shots, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await shots.TakeAsync(page, name);
    }

    /// <summary>An admin; three intents (payout_delay asked most); refund_request served in English chat, with a near-duplicate e-mail draft.</summary>
    private static async Task SeedAsync(KestrelConsole console)
    {
        var ct = TestContext.Current.CancellationToken;
        var user = await console.AddUserAsync(Email, Password, "Ada", Roles.Admin);
        await using var scope = console.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var domain = new IntentDomain { Key = "payments", Names = new() { ["en"] = "Payments" } };
        foreach (var key in new[] { "refund_request", "payout_delay", "account_locked" })
            domain.Intents.Add(new Intent { Key = key, Names = new() { ["en"] = key.Replace('_', ' '), ["zh-CN"] = key } });
        db.Domains.Add(domain);
        await db.SaveChangesAsync(ct);
        var payout = domain.Intents.Single(i => i.Key == "payout_delay");
        for (var i = 0; i < 4; i++)
            db.Questions.Add(new Question { Text = $"where is my payout {i}", TextHash = $"payout-{i}", Locale = "en", PredictedIntentId = payout.Id });
        await db.SaveChangesAsync(ct);

        var admin = Actor.User(user.Id, user.DisplayName, Roles.Admin);
        var editor = scope.ServiceProvider.GetRequiredService<ScriptEditor>();
        const string body = "Hi {{user_name}}, your refund reaches your account within 3 working days.";
        var chat = await editor.CreateAsync(new NewScriptInput("refund_request", "en", ScriptChannels.Im, "Refund timing", new DraftInput(body, [new ScriptVariable("user_name")])), admin, ct);
        var review = scope.ServiceProvider.GetRequiredService<ScriptReview>();
        var stamp = await review.SubmitAsync(chat.VersionId, chat.Stamp, admin, ct);
        // An admin may not approve their own change either: a second admin approves.
        await review.ApproveAsync(chat.VersionId, stamp, Actor.User("other-admin", "Bo", Roles.Admin), ct: ct);
        await editor.CreateAsync(new NewScriptInput("refund_request", "en", ScriptChannels.Email, "Refund timing (email)",
            new DraftInput(body + " Thanks, let us know if you need anything else.", [new ScriptVariable("user_name")])), admin, ct);
    }
}
