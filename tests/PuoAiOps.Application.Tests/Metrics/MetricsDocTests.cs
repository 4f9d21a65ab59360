using PuoAiOps.Application.Tests.Demo;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Tests.Metrics;

public sealed class MetricsDocTests
{
    [Fact]
    public void MetricsDoc_RegistryTable_IsTheCodesRegistry()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "metrics.md")).ReplaceLineEndings("\n");
        const string start = "<!-- registry:start -->\n", end = "<!-- registry:end -->";
        var from = doc.IndexOf(start, StringComparison.Ordinal);
        var to = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "docs/metrics.md must hold the registry between its markers.");
        // If this fails: run `puo metrics definitions` and paste its output between the markers.
        Assert.Equal(MetricRegistry.RenderMarkdownTable(), doc[(from + start.Length)..to]);
    }

    [Fact]
    public async Task MetricsDefinitions_PrintsTheTable()
    {
        var run = await CliRunner.RunAsync("metrics", "definitions");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(MetricRegistry.RenderMarkdownTable(), run.Out);
    }
}
