using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The first interactive page in a real browser: the circuit starts under the console's CSP, the
/// form shows its message at the field, switching to Chinese reloads the page in Chinese with a
/// snackbar, and moving to a static page and back works. Any CSP violation, console error, failed
/// request or 4xx/5xx fails the test.
/// </summary>
public sealed class ProfileBrowserTests
{
    private const string Email = "lin@example.test";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Profile_SwitchesToChinese_AndMovesBetweenInteractiveAndStaticPages()
    {
        await using var session = await BrowserSession.StartAsync(c => c.AddUserAsync(Email, Password, "Lin", Roles.Curator));
        var page = session.Page;
        var problems = session.Problems;

        // Sign in on the static form, then open the profile from the user menu.
        await page.GotoAsync("/login");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await OpenProfileAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My profile");

        // A blank name is refused at the field, before anything is sent.
        await page.FillAsync("#display-name", "");
        await page.ClickAsync("[data-testid=save]");
        await Assertions.Expect(page.Locator(".mud-input-control", new() { HasText = "Display name" })).ToContainTextAsync("Enter a display name.");

        // A new name and Chinese: saved, the page comes back in Chinese and says so.
        await page.FillAsync("#display-name", "Lin Wei");
        await page.Locator("div.mud-select[id]", new() { HasText = "Console language" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "中文" }).ClickAsync();
        await page.ClickAsync("[data-testid=save]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的资料");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("个人资料已保存。");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#display-name")).ToHaveValueAsync("Lin Wei");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/profile$")); // the one-time "saved" flag is dropped

        // The navigation (in Chinese) leads to another area's page (static or interactive, as areas move), which works.
        await page.Locator("[data-testid=console-nav] a[href='/taxonomy']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/taxonomy$"));
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();

        // And back: the profile page is rendered again, still in Chinese.
        await OpenProfileAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的资料");

        // The app bar's language picker saves the choice too, and the page comes back in English.
        await page.ClickAsync("[data-testid=language-picker] button");
        await page.ClickAsync(".mud-popover-open [data-culture=en]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My profile");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await WaitForCircuitAsync(page);

        // Signing out from the interactive user menu is a form POST with the antiforgery token.
        await page.ClickAsync("[data-testid=user-menu-button]");
        var logout = page.Locator("[data-testid=logout]");
        try
        {
            await logout.WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var popovers = await page.Locator(".mud-popover-provider").InnerHTMLAsync();
            Assert.Fail($"the account menu did not open. Problems: {string.Join("; ", problems.All)}. Popovers: {popovers[..Math.Min(popovers.Length, 3000)]}");
        }
        await logout.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));

        session.AssertNoProblems();
    }

    /// <summary>Opens "My profile" from the user menu of the page shown, static (MainLayout) or interactive (ConsoleLayout).</summary>
    private static async Task OpenProfileAsync(IPage page)
    {
        if (await page.Locator(".user-menu-toggle").CountAsync() > 0)
        {
            await page.ClickAsync(".user-menu-toggle");
            await page.ClickAsync("[data-testid=my-profile]");
        }
        else
        {
            await WaitForCircuitAsync(page);
            await page.ClickAsync("[data-testid=user-menu-button]");
            await page.Locator(".mud-popover-open a[href='/profile']").ClickAsync();
        }
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/profile$"));
        await WaitForCircuitAsync(page);
    }

    /// <summary>The layout marks itself once it renders over the circuit (not prerendered).</summary>
    private static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
}
