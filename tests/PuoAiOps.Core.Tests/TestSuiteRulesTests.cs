using System.Text.RegularExpressions;

namespace PuoAiOps.Core.Tests;

/// <summary>
/// Rules that keep the suite trustworthy, checked over the source of every test project: one way to
/// skip (so PUO_REQUIRE_ALL_TESTS=1 leaves nothing skipped), no assertion that cannot fail, and time
/// moved by a fake <see cref="TimeProvider"/> rather than waited for.
/// </summary>
public sealed partial class TestSuiteRulesTests
{
    /// <summary>Files allowed to break a rule, each with the reason.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        // The one skip helper, and the polling helper that waits for other processes and background jobs.
        ["Shared/Requirements.cs"] = ["skip", "strict"],
        ["Shared/Poll.cs"] = ["delay"],
        // A fake LLM endpoint that answers slowly on the wire, so the client's real timeout fires.
        ["PuoAiOps.Application.Tests/Infrastructure/FakeOpenAiServer.cs"] = ["delay"],
        // This file names the patterns it looks for.
        ["PuoAiOps.Core.Tests/TestSuiteRulesTests.cs"] = ["skip", "strict", "constant", "delay"],
    };

    [Fact]
    public void TestSources_SkipOnlyThroughRequirements_AssertSomething_AndNeverSleep()
    {
        var root = RepositoryPaths.Root();
        Assert.NotNull(root);
        var testsDir = Path.Combine(root, "tests");
        var violations = new List<string>();
        var files = Directory.EnumerateFiles(testsDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, $"found only {files.Count} test sources under {testsDir}");
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(testsDir, file).Replace('\\', '/');
            var allowed = Allowed.GetValueOrDefault(relative, []);
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                foreach (var (rule, pattern, why) in Rules)
                    if (!allowed.Contains(rule) && pattern.IsMatch(line))
                        violations.Add($"{relative}:{lineNumber}: {why}");
            }
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [InlineData("        Assert.Skip(\"no server\");", "skip")]
    [InlineData("if (Environment.GetEnvironmentVariable(\"PUO_REQUIRE_ALL_TESTS\") == \"1\")", "strict")]
    [InlineData("    public void Runs() => Assert.True(true);", "constant")]
    [InlineData("        Assert.False( false );", "constant")]
    [InlineData("        await Task.Delay(20, Ct);", "delay")]
    [InlineData("        Thread.Sleep(100);", "delay")]
    public void Rules_CatchEachKindOfViolation(string line, string expectedRule)
    {
        Assert.Equal([expectedRule], Rules.Where(r => r.Pattern.IsMatch(line)).Select(r => r.Rule));
    }

    private static readonly (string Rule, Regex Pattern, string Why)[] Rules =
    [
        ("skip", SkipCall(), "skip through Requirements.Unavailable, so PUO_REQUIRE_ALL_TESTS=1 turns it into a failure"),
        ("strict", StrictVariable(), "read strict mode through Requirements.Strict"),
        ("constant", ConstantAssertion(), "an assertion that cannot fail"),
        ("delay", Sleep(), "move a fake TimeProvider instead of waiting; wait for other processes with Poll.UntilAsync"),
    ];

    [GeneratedRegex(@"\bAssert\.Skip(When|Unless)?\(")]
    private static partial Regex SkipCall();

    [GeneratedRegex(@"GetEnvironmentVariable\(\s*.PUO_REQUIRE_ALL_TESTS")]
    private static partial Regex StrictVariable();

    [GeneratedRegex(@"\bAssert\.(True\(\s*true\s*\)|False\(\s*false\s*\))")]
    private static partial Regex ConstantAssertion();

    [GeneratedRegex(@"\b(Task\.Delay|Thread\.Sleep)\(")]
    private static partial Regex Sleep();
}
