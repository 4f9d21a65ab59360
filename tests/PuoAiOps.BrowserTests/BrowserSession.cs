using Microsoft.Playwright;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// A started <see cref="KestrelConsole"/> and a headless chromium on it: one desktop-sized context in a locale and its
/// page, watched by <see cref="BrowserProblems"/>. Chromium is looked for before the console starts, so a machine
/// without it skips (or fails under PUO_REQUIRE_ALL_TESTS=1) without starting a host. Disposing closes the browser,
/// then the console.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(KestrelConsole console, IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        Console = console;
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        Problems.Watch(page);
    }

    public KestrelConsole Console { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public BrowserProblems Problems { get; } = new();

    /// <param name="seed">writes what the test needs (users first) once the console has started, before the browser opens.</param>
    /// <param name="configure">sets the console's <see cref="KestrelConsole.Settings"/> before it starts.</param>
    public static async Task<BrowserSession> StartAsync(Func<KestrelConsole, Task> seed, Action<KestrelConsole>? configure = null, string locale = "en-US")
    {
        var chromium = ChromiumLocator.Require();
        var console = new KestrelConsole();
        try
        {
            configure?.Invoke(console);
            console.Start();
            await seed(console);
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumLocator.Args });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = console.BaseAddress.ToString().TrimEnd('/'),
                ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
                Locale = locale,
            });
            context.SetDefaultTimeout(30_000);
            return new BrowserSession(console, playwright, browser, context, await context.NewPageAsync());
        }
        catch
        {
            await console.DisposeAsync();
            throw;
        }
    }

    /// <summary>Signs in through the sign-in form and waits for the interactive overview.</summary>
    public Task SignInAsync(string email, string password) => MudUi.SignInAsync(Page, email, password);

    /// <summary>Fails the test with every console error, failed request or 4xx/5xx response seen so far.</summary>
    public void AssertNoProblems() => Assert.True(Problems.All.Count == 0, string.Join(Environment.NewLine, Problems.All));

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Console.DisposeAsync();
    }
}
