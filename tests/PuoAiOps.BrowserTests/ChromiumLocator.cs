namespace PuoAiOps.BrowserTests;

/// <summary>
/// Finds the system chromium (Debian package) on PATH; the tests never download a browser.
/// Without it the tests skip, unless PUO_REQUIRE_ALL_TESTS=1 (CI), where they fail.
/// </summary>
public static class ChromiumLocator
{
    public const string InstallHint = "chromium not found on PATH: apt-get install -y chromium";

    /// <summary>Flags for a quiet, offline headless run in containers.</summary>
    public static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>The chromium path, or skips (fails when all tests are required) when there is none.</summary>
    public static string Require()
    {
        var found = Find();
        if (found is not null) return found;
        Requirements.Unavailable(InstallHint);
        return null!; // not reached: Unavailable always throws
    }
}
