using Microsoft.Playwright;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// Saves full-page screenshots to the test output folder, and to docs/images only on request
/// (<c>PUO_SCREENSHOTS=1</c>, see README "Screenshots"): an ordinary test run must not rewrite the
/// pictures the README shows. docs/images is only written when a CJK font is installed: without one,
/// Chinese text renders as empty boxes and would replace the README's pictures with broken ones.
/// </summary>
public sealed class Screenshots
{
    public const string FontHint = "no CJK font for the screenshots: apt-get install -y fonts-wqy-microhei";

    private readonly string? _docsDir;
    private readonly string _outputDir;

    public Screenshots()
    {
        _outputDir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(_outputDir);
        var root = Requested ? FindRepositoryRoot() : null;
        if (root is not null && !CjkFont.IsInstalled())
        {
            if (Requirements.Strict) Assert.Fail(FontHint + " (PUO_REQUIRE_ALL_TESTS=1: screenshots must show Chinese text)");
            TestContext.Current.SendDiagnosticMessage(FontHint + "; docs/images left as they are");
        }
        else if (root is not null)
        {
            _docsDir = Path.Combine(root, "docs", "images");
            Directory.CreateDirectory(_docsDir);
        }
    }

    /// <summary>True when this run should refresh docs/images (PUO_SCREENSHOTS=1).</summary>
    public static bool Requested => Environment.GetEnvironmentVariable("PUO_SCREENSHOTS") == "1";

    public List<string> Saved { get; } = [];

    /// <param name="page">The page to capture.</param>
    /// <param name="name">File name without extension.</param>
    /// <param name="fullPage">False for the visible viewport only (overlays such as drawers and menus).</param>
    public async Task TakeAsync(IPage page, string name, bool fullPage = true)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        await File.WriteAllBytesAsync(Path.Combine(_outputDir, name + ".png"), bytes, TestContext.Current.CancellationToken);
        if (_docsDir is not null)
            await File.WriteAllBytesAsync(Path.Combine(_docsDir, name + ".png"), bytes, TestContext.Current.CancellationToken);
        Saved.Add(name);
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PuoAiOps.sln"))) return dir.FullName;
        return null;
    }
}
