using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Classification.Charts;

/// <summary>Coverage and accuracy of answered questions over the threshold, the version's own threshold marked when it has one.</summary>
public static class CoverageChart
{
    public static object Option(EvaluationReport report, IStringLocalizer<ClassificationText> t)
    {
        var mark = report.Threshold <= 0 ? null : new
        {
            symbol = "none", silent = true,
            lineStyle = new { color = ChartStyle.Muted, type = "dashed" },
            label = new { formatter = t["Chart.Coverage.Tuned", Fmt.Number(report.Threshold)].Value, position = "end" },
            data = new object[] { new { xAxis = Math.Round(report.Threshold, 4) } },
        };
        return new
        {
            textStyle = ChartStyle.Text,
            tooltip = new { trigger = "axis" },
            legend = new { top = 0, right = 0 },
            grid = new { left = 52, right = 24, top = 40, bottom = 52 },
            xAxis = new { type = "value", min = 0, max = 1, name = t["Chart.Threshold"].Value, nameLocation = "middle", nameGap = 32 },
            yAxis = new { type = "value", min = 0, max = 100, axisLabel = new { formatter = "{value} %" } },
            series = new object[]
            {
                CoverageSeries(report, t, mark),
                new
                {
                    name = t["Metric.AnsweredAccuracy"].Value, type = "line", showSymbol = false, itemStyle = new { color = ChartStyle.Good },
                    data = report.Curve.Where(p => p.Coverage > 0).Select(p => new[] { p.Threshold, Math.Round(p.Accuracy * 100, 1) }).ToList(),
                },
            },
        };
    }

    // A dictionary, so a version without a threshold has no markLine key at all (ECharts reads null as "configure this").
    private static Dictionary<string, object> CoverageSeries(EvaluationReport report, IStringLocalizer<ClassificationText> t, object? mark)
    {
        var series = new Dictionary<string, object>
        {
            ["name"] = t["Metric.Coverage"].Value,
            ["type"] = "line",
            ["showSymbol"] = false,
            ["itemStyle"] = new { color = ChartStyle.Brand },
            ["data"] = report.Curve.Select(p => new[] { p.Threshold, Math.Round(p.Coverage * 100, 1) }).ToList(),
        };
        if (mark is not null) series["markLine"] = mark;
        return series;
    }
}
