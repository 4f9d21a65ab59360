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

    /// <summary>Heatmap of how often two intents were given to the same item (the most confused pairs).</summary>
    public static object Confusion(BatchQualityReport report)
    {
        var pairs = report.MostConfused.Take(15).ToList();
        var names = pairs.SelectMany(p => new[] { p.First.DisplayName(), p.Second.DisplayName() }).Distinct(StringComparer.Ordinal).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var cells = pairs.SelectMany(p =>
        {
            var (a, b) = (index[p.First.DisplayName()], index[p.Second.DisplayName()]);
            return new[] { new object[] { a, b, p.Count }, new object[] { b, a, p.Count } };
        }).ToArray();
        return new
        {
            tooltip = new { position = "top" },
            grid = new { left = 170, right = 24, top = 16, bottom = 150 },
            xAxis = new { type = "category", data = names, splitArea = new { show = true }, axisLabel = new { interval = 0, rotate = 40 } },
            yAxis = new { type = "category", data = names, splitArea = new { show = true }, axisLabel = new { interval = 0 } },
            visualMap = new
            {
                min = 0, max = Math.Max(1, pairs.Count == 0 ? 1 : pairs.Max(p => p.Count)), calculable = true, orient = "horizontal",
                left = "center", bottom = 0, inRange = new { color = new[] { "#eef2ff", Brand } },
            },
            series = new object[] { new { name = "Items with both intents", type = "heatmap", data = cells, label = new { show = true } } },
        };
    }

    private static double? Pct(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
