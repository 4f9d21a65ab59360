using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PuoAiOps.BrowserTests;

/// <summary>Driving MudBlazor's interactive pages: wait for the circuit, pick from a select, answer a dialog.</summary>
internal static class MudUi
{
    /// <summary>The layout marks itself once it renders over the circuit (not prerendered).</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);

    /// <summary>Opens the select labelled <paramref name="label"/> inside <paramref name="scope"/> and picks <paramref name="option"/>.</summary>
    public static async Task SelectAsync(IPage page, ILocator scope, string label, string option)
    {
        await scope.Locator("div.mud-select", new() { HasText = label }).First.Locator(".mud-input-control-input-container, .mud-select-input").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(option) + "\\s*$") }).ClickAsync();
    }

    /// <summary>Types into an intent autocomplete (IntentAutocomplete) and picks the intent with <paramref name="key"/> from its list.</summary>
    public static Task PickIntentAsync(IPage page, string input, string text, string key) =>
        PickFromAutocompleteAsync(page, input, text, page.Locator($".mud-popover-open [data-intent={key}]"), new Regex("^" + Regex.Escape(key) + "\\b"));

    /// <summary>
    /// Types <paramref name="text"/> into the autocomplete <paramref name="input"/> and clicks <paramref name="option"/>.
    /// The list is searched again after a pause in typing; a click on an option that search then replaces is lost,
    /// so the pick is checked in the field (<paramref name="value"/>) and repeated while the list is still open.
    /// </summary>
    public static async Task PickFromAutocompleteAsync(IPage page, string input, string text, ILocator option, Regex value)
    {
        await page.ClickAsync(input);
        await page.FillAsync(input, text);
        for (var attempt = 1; ; attempt++)
        {
            await Assertions.Expect(option.First).ToBeVisibleAsync();
            await option.First.ClickAsync();
            try
            {
                // A lost click shows within seconds; the last try waits as long as any other expectation.
                await Assertions.Expect(page.Locator(input)).ToHaveValueAsync(value, new() { Timeout = attempt < 3 ? 10_000 : 30_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Answers the open message box with the button named <paramref name="button"/>.</summary>
    public static async Task ConfirmAsync(IPage page, string button)
    {
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("button", new() { HasText = button }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Clicks a control whose handler navigates (a MudButton with OnClick, not a link) and waits for the URL. A click
    /// that lands while the prerendered DOM is being replaced by the interactive render reaches no handler, so it is
    /// repeated (at most three times) while the page has not moved; a handler that never navigates still fails.
    /// URLs are waited for by polling the page's address (<c>ToHaveURLAsync</c>), never with <c>WaitForURLAsync</c>:
    /// that waits for a navigation event, and a fast same-document navigation was seen to slip past it.
    /// </summary>
    public static async Task ClickToNavigateAsync(IPage page, ILocator control, Regex url)
    {
        for (var attempt = 1; ; attempt++)
        {
            await control.ClickAsync();
            try
            {
                await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = attempt < 3 ? 10_000 : 30_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3 && !url.IsMatch(page.Url))
            {
            }
        }
    }

    public static Task ExpectSnackbarAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = text }).First).ToBeVisibleAsync();

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await WaitForCircuitAsync(page); // the overview is interactive
    }

    /// <summary>Signs out from the overview's app-bar menu: the page being left may be a 403 without that menu, or
    /// still busy with its own work over the circuit.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=user-menu-button]");
        await page.ClickAsync("[data-testid=logout]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));
    }
}
