using Microsoft.Playwright;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// A started <see cref="KestrelConsole"/> and a headless chromium on it: one context in a locale and its page, watched by
/// <see cref="BrowserProblems"/>; <see cref="NewPageAsync"/> opens another context (another person, another language) made
/// the same way and watched by the same problems. Chromium is looked for before the console starts, so a machine without it
/// skips (or fails under PUO_REQUIRE_ALL_TESTS=1) without starting a host. Disposing closes the browser, then the console.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>The desktop size every walkthrough is written and screenshotted at.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ContextOptions _options;

    private BrowserSession(KestrelConsole console, IPlaywright playwright, IBrowser browser, ContextOptions options)
    {
        Console = console;
        _playwright = playwright;
        _browser = browser;
        _options = options;
    }

    public KestrelConsole Console { get; }
    public IBrowserContext Context => Page.Context;
    public IPage Page { get; private set; } = default!;
    public BrowserProblems Problems { get; } = new();

    /// <param name="seed">writes what the test needs (users first) once the console has started, before the browser opens.</param>
    /// <param name="configure">sets the console's <see cref="KestrelConsole.Settings"/> before it starts.</param>
    /// <param name="locale">the browser's language for the first page (later pages choose their own).</param>
    /// <param name="viewport">the window size of every page (default <see cref="Desktop"/>).</param>
    /// <param name="clipboard">lets pages write and read the clipboard (a copy button the test reads back).</param>
    public static async Task<BrowserSession> StartAsync(Func<KestrelConsole, Task> seed, Action<KestrelConsole>? configure = null,
        string locale = "en-US", ViewportSize? viewport = null, bool clipboard = false)
    {
        var chromium = ChromiumLocator.Require();
        var console = new KestrelConsole();
        IPlaywright? playwright = null;
        try
        {
            configure?.Invoke(console);
            console.Start();
            await seed(console);
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumLocator.Args });
            var session = new BrowserSession(console, playwright, browser, new ContextOptions(viewport ?? Desktop, clipboard));
            session.Page = await session.NewPageAsync(locale);
            return session;
        }
        catch
        {
            playwright?.Dispose();
            await console.DisposeAsync();
            throw;
        }
    }

    /// <summary>A page in a context of its own (no cookies shared with the others) in <paramref name="locale"/>, watched by <see cref="Problems"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Console.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = _options.Viewport,
            Locale = locale,
        });
        if (_options.Clipboard) await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        // Generous for a loaded CI box; a wait that needs longer is a failure worth seeing.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        Problems.Watch(page);
        return page;
    }

    /// <summary>Signs in through the sign-in form and waits for the interactive overview.</summary>
    public Task SignInAsync(string email, string password) => MudUi.SignInAsync(Page, email, password);

    /// <summary>Fails the test with every console error, failed request or 4xx/5xx response seen so far.</summary>
    public void AssertNoProblems() => Assert.True(Problems.All.Count == 0, string.Join(Environment.NewLine, Problems.All));

    public async ValueTask DisposeAsync()
    {
        // Closing the browser closes every context it opened.
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Console.DisposeAsync();
    }

    private sealed record ContextOptions(ViewportSize Viewport, bool Clipboard);
}
