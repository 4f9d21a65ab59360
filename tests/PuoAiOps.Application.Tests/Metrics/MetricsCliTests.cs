using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Metrics;

public sealed class MetricsCliTests
{
    [Theory]
    [InlineData("report", "daily", "--date", "2026-13-01", "--out", "r.md")]
    [InlineData("report", "daily", "--date", "2026-12-01", "--out", "r.txt")]
    [InlineData("report", "weekly", "--week", "2026-49", "--out", "r.csv")]
    [InlineData("metrics", "--from", "yesterday")]
    [InlineData("metrics", "--by", "weather")]
    public async Task BadInput_ExitsWith2_AndWritesNothing(params string[] args)
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var run = await CliRunner.RunAsync([.. args.Select(a => a.StartsWith('r') && a.Contains('.') ? Path.Combine(workspace.DataDir, a) : a), "--data-dir", workspace.DataDir]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
        Assert.Empty(Directory.GetFiles(workspace.DataDir, "r.*"));
    }

    [Fact]
    public async Task ReportDaily_WritesMarkdown_AndMetricsJsonCarriesTheVersion()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var file = Path.Combine(workspace.DataDir, "daily.md");
        var day = DateTime.UtcNow.Date.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = await CliRunner.RunAsync("report", "daily", "--date", day, "--out", file, "--data-dir", workspace.DataDir);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("# Daily data review " + day, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));

        var metrics = await CliRunner.RunAsync("metrics", "--json", "--data-dir", workspace.DataDir);
        Assert.Equal(0, metrics.ExitCode);
        Assert.Contains("\"definitionsVersion\":\"metrics-v1\"", metrics.Out);
        Assert.Contains("\"numerator\":0", metrics.Out);

        var check = await CliRunner.RunAsync("metrics", "check", "--data-dir", workspace.DataDir);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public async Task MetricsJudge_WithoutAnLlm_ExitsWith2_AndSaysWhy()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var run = await CliRunner.RunAsync("metrics", "judge", "--period", "2026-W49", "--data-dir", workspace.DataDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No LLM is configured", run.Error, StringComparison.Ordinal);
    }
}
