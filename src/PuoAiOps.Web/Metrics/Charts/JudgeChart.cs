using PuoAiOps.Application.Metrics;
using PuoAiOps.Core.Metrics;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Classification.Charts;

namespace PuoAiOps.Web.Metrics.Charts;

/// <summary>Weekly answer accuracy as reviewers graded it and, as a separate series, as the LLM judge did.</summary>
public static class JudgeChart
{
    public static object Option(IReadOnlyList<JudgeWeek> weeks, string human, string judge) => new
    {
        textStyle = ChartStyle.Text,
        tooltip = new { trigger = "item" },
        legend = new { top = 0, left = 0 },
        grid = new { left = 48, right = 16, top = 36, bottom = 28 },
        xAxis = new { type = "category", data = weeks.Select(w => w.Week).ToList() },
        yAxis = new { type = "value", min = 0, max = 100, axisLabel = new { formatter = "{value} %" } },
        series = new object[]
        {
            Series(human, ChartStyle.Brand, "solid", weeks.Select(w => (w.Week, w.Human))),
            Series(judge, "#f79009", "dashed", weeks.Select(w => (w.Week, w.Judge))),
        },
    };

    private static object Series(string name, string color, string line, IEnumerable<(string Week, Ratio Ratio)> points) => new
    {
        name, type = "line", itemStyle = new { color }, lineStyle = new { type = line },
        data = points.Select(p => new
        {
            value = p.Ratio.Rate is { } r ? Math.Round(r * 100, 1) : (double?)null,
            tooltip = new { formatter = $"{p.Week}<br/>{name} {Fmt.Pct(p.Ratio.Rate)} ({Fmt.Count(p.Ratio.Numerator)} / {Fmt.Count(p.Ratio.Denominator)})" },
        }).ToList(),
    };
}
