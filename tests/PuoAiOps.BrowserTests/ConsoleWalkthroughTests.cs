using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// A first administrator's morning, in a real browser against the real server: set up the
/// workspace, sign in, open every page, add a colleague and change their role (confirmed), then see
/// the console as that colleague. Any 4xx/5xx, console or script error fails the test. Screenshots
/// of every page go to docs/images.
/// </summary>
public sealed class ConsoleWalkthroughTests
{
    private const string AdminEmail = "ada@example.test";
    private const string AdminPassword = "correct horse battery staple";
    private const string ViewerEmail = "vic@example.test";
    private const string ViewerPassword = "another long passphrase";

    [Fact]
    public async Task FirstAdmin_SetsUp_SignsIn_AndEveryPageWorks()
    {
        // Nothing seeded: the first admin is created through the setup page.
        await using var session = await BrowserSession.StartAsync(_ => Task.CompletedTask);
        var page = session.Page;
        var problems = session.Problems;
        var shots = new Screenshots();

        // 1. An empty workspace sends everyone to /setup.
        await page.GotoAsync("/");
        Assert.EndsWith("/setup", page.Url, StringComparison.Ordinal);
        await shots.TakeAsync(page, "setup");
        await page.FillAsync("#email", AdminEmail);
        await page.FillAsync("#display-name", "Ada Lovelace");
        await page.FillAsync("#password", AdminPassword);
        await page.FillAsync("#confirm", AdminPassword);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?setup=done$"));
        await shots.TakeAsync(page, "login");

        // 2. Sign in: the overview is an interactive page.
        await SignInAsync(page, AdminEmail, AdminPassword);
        await shots.TakeAsync(page, "overview");

        // 3. Every navigation entry opens a finished-looking page inside the interactive shell.
        await Assertions.Expect(page.Locator(NavLinks)).ToHaveCountAsync(14);
        var hrefs = await page.Locator(NavLinks).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var href in hrefs)
        {
            var response = await page.GotoAsync(href);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"[data-testid=console-nav] a.active[href='{href}']")).ToHaveCountAsync(1);
            await shots.TakeAsync(page, ScreenshotName(href));
        }

        // 4. Admin: add a colleague through the form, change their role (confirmed in a dialog).
        await page.GotoAsync("/admin/users/new");
        await MudUi.WaitForCircuitAsync(page);
        await page.FillAsync("#email", ViewerEmail);
        await page.FillAsync("#display-name", "Victor Viewer");
        await MudUi.SelectAsync(page, page.Locator("[data-testid=new-user-form]"), "Role", "Viewer");
        await page.FillAsync("#password", ViewerPassword);
        await page.FillAsync("#confirm", ViewerPassword);
        await page.ClickAsync("[data-testid=create-user]");
        await MudUi.ExpectSnackbarAsync(page, "Victor Viewer can now sign in");
        var row = page.Locator("tr", new() { Has = page.Locator($"[data-user='{ViewerEmail}']") });
        await MudUi.SelectAsync(page, row, "Viewer", "Reviewer");
        await MudUi.ConfirmAsync(page, "Change role");
        await MudUi.ExpectSnackbarAsync(page, "Victor Viewer is now Reviewer.");
        await MudUi.SelectAsync(page, row, "Reviewer", "Viewer");
        await MudUi.ConfirmAsync(page, "Change role");
        await MudUi.ExpectSnackbarAsync(page, "Victor Viewer is now Viewer.");

        foreach (var path in new[] { "/admin/audit", "/admin/api-keys", "/admin/settings" })
        {
            await page.GotoAsync(path);
            await MudUi.WaitForCircuitAsync(page);
        }
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Exception");

        // 5. The user menu signs out (a POST with the antiforgery token).
        await page.ClickAsync("[data-testid=user-menu-button]");
        await Assertions.Expect(page.Locator("[data-testid=logout]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "user-menu", fullPage: false);
        await page.ClickAsync("[data-testid=logout]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));

        // 6. The colleague sees only their areas; other pages answer 403 inside the console's frame, with their navigation.
        await SignInAsync(page, ViewerEmail, ViewerPassword);
        await Assertions.Expect(page.Locator(NavLinks)).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator(NavLinks + "[href='/knowledge']")).ToHaveCountAsync(1); // read-only for viewers
        await shots.TakeAsync(page, "overview-viewer");
        using (problems.Expect(403))
        {
            var forbidden = await page.GotoAsync("/admin/users");
            Assert.Equal(403, forbidden!.Status);
            await Assertions.Expect(page.Locator("[data-status='403']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(NavLinks)).ToHaveCountAsync(6);
            await shots.TakeAsync(page, "forbidden");
        }
        using (problems.Expect(404))
        {
            var missing = await page.GotoAsync("/no/such/page");
            Assert.Equal(404, missing!.Status);
            await Assertions.Expect(page.Locator("[data-status='404']")).ToBeVisibleAsync();
            await shots.TakeAsync(page, "not-found");
        }

        // 7. Small screens: the navigation drawer opens from the app bar's menu button.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/");
        await MudUi.WaitForCircuitAsync(page);
        var firstLink = page.Locator(NavLinks).First;
        // Whether the responsive drawer starts open on a phone is MudBlazor's choice: close it first if it did.
        if (await firstLink.EvaluateAsync<bool>("a => { const r = a.getBoundingClientRect(); return r.right > 0 && r.left < window.innerWidth; }"))
            await page.ClickAsync("[data-testid=app-bar] button.mud-icon-button >> nth=0");
        await Assertions.Expect(firstLink).Not.ToBeInViewportAsync();
        await page.ClickAsync("[data-testid=app-bar] button.mud-icon-button >> nth=0");
        await Assertions.Expect(firstLink).ToBeInViewportAsync();
        await shots.TakeAsync(page, "mobile-navigation", fullPage: false);

        session.AssertNoProblems();
        TestContext.Current.SendDiagnosticMessage($"screenshots: {string.Join(", ", shots.Saved)}");
    }

    /// <summary>The navigation's links, on an interactive page (ConsoleLayout) or a status page (StaticShellLayout).</summary>
    private const string NavLinks = "[data-testid=console-nav] a[href]";

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        if (!page.Url.Contains("/login", StringComparison.Ordinal)) await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(page.Locator("[data-testid=app-bar]")).ToBeVisibleAsync();
        await MudUi.WaitForCircuitAsync(page);
    }

    private static string ScreenshotName(string href) => href switch
    {
        "/" => "overview",
        "/admin" => "admin-users-list",
        "/questions" => "questions-empty",
        _ => href.Trim('/').Replace('/', '-'),
    };
}
