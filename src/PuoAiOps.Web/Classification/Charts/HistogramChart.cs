using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Classification.Charts;

/// <summary>Test questions by confidence, right and wrong decisions stacked.</summary>
public static class HistogramChart
{
    public static object Option(EvaluationReport report, IStringLocalizer<ClassificationText> t) => new
    {
        textStyle = ChartStyle.Text,
        tooltip = new { trigger = "axis", axisPointer = new { type = "shadow" } },
        legend = new { top = 0, right = 0 },
        grid = new { left = 44, right = 12, top = 36, bottom = 52 },
        xAxis = new
        {
            type = "category", name = t["Chart.Confidence"].Value, nameLocation = "middle", nameGap = 32,
            data = report.Histogram.Select(b => $"{Fmt.Number(b.From, "0.0")}–{Fmt.Number(b.To, "0.0")}").ToList(),
            axisLabel = new { fontSize = 10, interval = 0 },
        },
        yAxis = new { type = "value", minInterval = 1 },
        series = new object[]
        {
            new { name = t["Chart.Right"].Value, type = "bar", stack = "answers", data = report.Histogram.Select(b => b.Correct).ToList(), itemStyle = new { color = ChartStyle.Good } },
            new { name = t["Chart.Wrong"].Value, type = "bar", stack = "answers", data = report.Histogram.Select(b => b.Incorrect).ToList(), itemStyle = new { color = ChartStyle.Bad } },
        },
    };
}
