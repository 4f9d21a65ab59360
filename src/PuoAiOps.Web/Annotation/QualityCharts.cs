using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Annotation;

/// <summary>ECharts options for the quality page (js/charts.js draws whatever option the endpoint returns).</summary>
public static class QualityCharts
{
    private const string Brand = "#4338ca";
    private const string Soft = "#a5b4fc";
    private const string Speed = "#0e9384";

    /// <summary>Per annotator: gold accuracy and agreement with the final label (bars, %), items per hour (line, right axis).</summary>
    public static object Annotators(BatchQualityReport report)
    {
        var people = report.Annotators.Where(a => a.Labels > 0).ToList();
        return new
        {
            color = new[] { Brand, Soft, Speed },
            legend = new { top = 0 },
            grid = new { left = 48, right = 56, top = 40, bottom = 64, containLabel = false },
            tooltip = new { trigger = "axis" },
            xAxis = new { type = "category", data = people.Select(a => a.DisplayName).ToArray(), axisLabel = new { interval = 0, rotate = people.Count > 6 ? 30 : 0 } },
            yAxis = new object[]
            {
                new { type = "value", name = "%", min = 0, max = 100 },
                new { type = "value", name = "items/h", splitLine = new { show = false } },
            },
            series = new object[]
            {
                new { name = "Gold accuracy", type = "bar", data = people.Select(a => Pct(a.Gold.Rate)).ToArray() },
                new { name = "Agreement with final", type = "bar", data = people.Select(a => Pct(a.FinalLabel.Rate)).ToArray() },
                new { name = "Items per hour", type = "line", yAxisIndex = 1, symbolSize = 8, data = people.Select(a => Round(a.ItemsPerHour)).ToArray() },
            },
        };
    }

    /// <summary>
    /// The most confused pairs as horizontal bars (biggest on top): with dozens of intents a heatmap is
    /// mostly empty cells, while the pairs themselves are what a guide author needs to look at.
    /// </summary>
    public static object Confusion(BatchQualityReport report)
    {
        var pairs = report.MostConfused.Take(10).Reverse().ToList();
        return new
        {
            color = new[] { "#f79009" },
            grid = new { left = 8, right = 40, top = 8, bottom = 24, containLabel = true },
            tooltip = new { trigger = "axis" },
            xAxis = new { type = "value", minInterval = 1, name = "items" },
            yAxis = new { type = "category", data = pairs.Select(p => $"{p.First.DisplayName()} ↔ {p.Second.DisplayName()}").ToArray(), axisLabel = new { width = 260, overflow = "truncate" } },
            series = new object[] { new { name = "Items given both", type = "bar", data = pairs.Select(p => p.Count).ToArray(), label = new { show = true, position = "right" } } },
        };
    }

    private static double? Pct(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
