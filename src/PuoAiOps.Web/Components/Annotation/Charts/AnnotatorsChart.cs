using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Components.Annotation.Charts;

/// <summary>Per annotator: gold accuracy and agreement with the final label (bars, %), items per hour (line, right axis).</summary>
public static class AnnotatorsChart
{
    public sealed record Labels(string Gold, string Final, string PerHour, string PerHourAxis);

    public static object Option(IReadOnlyList<AnnotatorQuality> annotators, Labels text)
    {
        var people = annotators.Where(a => a.Labels > 0).ToList();
        return new
        {
            color = new[] { ChartColors.Brand, ChartColors.Soft, ChartColors.Speed },
            legend = new { top = 0 },
            grid = new { left = 48, right = 56, top = 40, bottom = 64 },
            tooltip = new { trigger = "axis" },
            xAxis = new { type = "category", data = people.Select(a => a.DisplayName).ToArray(), axisLabel = new { interval = 0, rotate = people.Count > 6 ? 30 : 0 } },
            yAxis = new object[]
            {
                new { type = "value", name = "%", min = 0, max = 100 },
                new { type = "value", name = text.PerHourAxis, splitLine = new { show = false } },
            },
            series = new object[]
            {
                new { name = text.Gold, type = "bar", data = people.Select(a => ChartColors.Pct(a.Gold.Rate)).ToArray() },
                new { name = text.Final, type = "bar", data = people.Select(a => ChartColors.Pct(a.FinalLabel.Rate)).ToArray() },
                new { name = text.PerHour, type = "line", yAxisIndex = 1, symbolSize = 8, data = people.Select(a => a.ItemsPerHour is { } v ? Math.Round(v, 1) : (double?)null).ToArray() },
            },
        };
    }
}
