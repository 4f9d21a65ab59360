using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The hand-over queue in a real browser, as a curator: the status tabs count the cases, j selects the
/// longest-waiting one and t takes it, then it is closed with a note after a confirmation; the same page
/// in Chinese. Screenshots (escalations.png, escalations-zh.png) with PUO_SCREENSHOTS=1. Any console
/// error or failed request fails the test.
/// </summary>
public sealed class EscalationsBrowserTests
{
    private const string Email = "cora@example.test";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Curator_TakesTheOldestCaseWithTheKeyboard_AndClosesItWithANote()
    {
        (long Oldest, long Newer) seeded = default;
        // A taller window than the other walkthroughs (as this one was written and screenshotted).
        await using var session = await BrowserSession.StartAsync(async c => seeded = await SeedAsync(c),
            viewport: new ViewportSize { Width = 1440, Height = 1000 });
        var (oldest, _) = seeded;
        var page = session.Page;
        var shots = new Screenshots();
        await MudUi.SignInAsync(page, Email, Password);

        await page.GotoAsync("/escalations");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=status-open] [data-testid=count]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=status-closed] [data-testid=count]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=escalation-id]").First).ToHaveTextAsync($"#{oldest}");
        await Assertions.Expect(page.Locator("[data-keys-ready=true]")).ToHaveCountAsync(1);

        // j selects the case waiting longest, t takes it.
        await page.Keyboard.PressAsync("j");
        var panel = page.Locator($"[data-testid=escalation-panel][data-escalation='{oldest}']");
        await Assertions.Expect(panel.Locator("[data-testid=turn]").First).ToContainTextAsync("my top-up never arrived");
        await page.Keyboard.PressAsync("t");
        await MudUi.ExpectSnackbarAsync(page, $"Escalation #{oldest} is yours.");
        await Assertions.Expect(panel.Locator("[data-testid=escalation-assignee]")).ToContainTextAsync("Cora");
        await Assertions.Expect(page.Locator("[data-testid=status-assigned] [data-testid=count]")).ToHaveTextAsync("1");

        // Close as resolved by a person, with a note, after the confirmation.
        await panel.Locator("#escalation-note").FillAsync("Credited the top-up by hand; the user confirmed.");
        await panel.Locator("[data-testid=escalation-close]").ClickAsync();
        await MudUi.ConfirmAsync(page, "Close");
        await MudUi.ExpectSnackbarAsync(page, $"Escalation #{oldest} closed.");
        await Assertions.Expect(panel.Locator("[data-testid=escalation-resolution]")).ToContainTextAsync("Resolved by a person");
        await Assertions.Expect(panel.Locator("[data-testid=escalation-resolution]")).ToContainTextAsync("Credited the top-up by hand");
        await Assertions.Expect(page.Locator("[data-testid=status-closed] [data-testid=count]")).ToHaveTextAsync("2");
        await Assertions.Expect(panel.Locator("[data-testid=escalation-reopen]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "escalations");

        // The same page in Chinese.
        await page.ClickAsync("[data-testid=language-picker] button");
        await page.ClickAsync(".mud-popover-open [data-culture=zh-CN]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("转人工");
        await Assertions.Expect(page.Locator("[data-testid=status-open]")).ToContainTextAsync("待处理");
        await page.Locator("[data-testid=escalation-id]", new() { HasText = $"#{oldest}" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=escalation-resolution]")).ToContainTextAsync("人工已解决");
        await shots.TakeAsync(page, "escalations-zh");

        session.AssertNoProblems();
    }

    /// <summary>A curator, and three hand-overs: the oldest and a newer one open, one closed.</summary>
    private static async Task<(long Oldest, long Newer)> SeedAsync(KestrelConsole console)
    {
        var ct = TestContext.Current.CancellationToken;
        await console.AddUserAsync(Email, Password, "Cora", Roles.Curator);
        await using var scope = console.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PuoDbContext>();
        var now = DateTime.UtcNow;
        Escalation Add(string question, string locale, string reason, DateTime at, EscalationStatus status)
        {
            var c = new Conversation { UserRef = "u-" + at.Ticks, Locale = locale, StartedAt = at.AddMinutes(-2), Outcome = ConversationOutcome.Escalated };
            c.Turns.Add(new Turn { Ordinal = 1, Role = TurnRole.User, Text = question, CreatedAt = at.AddMinutes(-2) });
            c.Turns.Add(new Turn { Ordinal = 2, Role = TurnRole.Bot, Text = "Let me pass you to a colleague.", CreatedAt = at.AddMinutes(-1), Source = AnswerSource.Handoff, LatencyMs = 40 });
            db.Conversations.Add(c);
            var e = new Escalation { Reason = reason, CreatedAt = at, Status = status, ClosedAt = status == EscalationStatus.Closed ? at.AddHours(1) : null };
            db.SaveChanges();
            e.ConversationId = c.Id;
            db.Escalations.Add(e);
            return e;
        }
        var oldest = Add("my top-up never arrived", "en", "payment needs a manual check", now.AddHours(-10), EscalationStatus.Open);
        var newer = Add("我的收益没到账", "zh-CN", "payout investigation", now.AddMinutes(-30), EscalationStatus.Open);
        // Closed, and newer than the oldest open one: the list (all statuses, longest waiting first) starts with that one.
        Add("someone took over my account", "en", "account security", now.AddHours(-3), EscalationStatus.Closed);
        await db.SaveChangesAsync(ct);
        return (oldest.Id, newer.Id);
    }
}
