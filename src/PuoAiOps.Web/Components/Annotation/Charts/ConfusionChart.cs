using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Components.Annotation.Charts;

/// <summary>
/// The most confused intent pairs as horizontal bars (biggest on top): with dozens of intents a heatmap
/// is mostly empty cells, while the pairs themselves are what a guide author needs to look at.
/// </summary>
public static class ConfusionChart
{
    public const int Pairs = 10;

    public static object Option(IReadOnlyList<ConfusedIntents> confused, string seriesName, string itemsAxis)
    {
        var pairs = confused.Take(Pairs).Reverse().ToList();
        return new
        {
            color = new[] { ChartColors.Warn },
            grid = new { left = 8, right = 40, top = 8, bottom = 24, containLabel = true },
            tooltip = new { trigger = "axis" },
            xAxis = new { type = "value", minInterval = 1, name = itemsAxis },
            yAxis = new { type = "category", data = pairs.Select(p => $"{p.First.DisplayName()} ↔ {p.Second.DisplayName()}").ToArray(), axisLabel = new { width = 260, overflow = "truncate" } },
            series = new object[] { new { name = seriesName, type = "bar", data = pairs.Select(p => p.Count).ToArray(), label = new { show = true, position = "right" } } },
        };
    }
}
