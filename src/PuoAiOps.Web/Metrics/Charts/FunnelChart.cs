using PuoAiOps.Application.Metrics;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Classification.Charts;

namespace PuoAiOps.Web.Metrics.Charts;

/// <summary>involved → answered → resolved / escalated / abandoned (and closed-but-unresolved, still open) as horizontal bars.</summary>
public static class FunnelChart
{
    public sealed record Step(string Key, string Label, long Count, string Color);

    public static IReadOnlyList<Step> Steps(FunnelView f, Func<string, string> label) =>
    [
        new("involved", label("involved"), f.Involved, ChartStyle.Brand),
        new("answered", label("answered"), f.Answered, "#6172f3"),
        new("resolved", label("resolved"), f.Resolved, ChartStyle.Good),
        new("escalated", label("escalated"), f.Escalated, "#f79009"),
        new("abandoned", label("abandoned"), f.Abandoned, ChartStyle.Muted),
        new("unresolved", label("unresolved"), f.Unresolved, ChartStyle.Bad),
        new("open", label("open"), f.Open, "#98a2b3"),
    ];

    public static object Option(IReadOnlyList<Step> steps)
    {
        var total = Math.Max(1, steps[0].Count);
        return new
        {
            textStyle = ChartStyle.Text,
            tooltip = new { trigger = "item" },
            grid = new { left = 110, right = 72, top = 8, bottom = 8 },
            xAxis = new { type = "value", show = false },
            yAxis = new { type = "category", inverse = true, data = steps.Select(s => s.Label).ToList(), axisTick = new { show = false } },
            series = new object[]
            {
                new
                {
                    type = "bar", barWidth = "60%",
                    label = new { show = true, position = "right" },
                    data = steps.Select(s => new
                    {
                        value = s.Count,
                        // The bar's number in the reader's culture (1,714), as the links under the chart write it;
                        // ECharts' own label would print the raw 1714.
                        label = new { formatter = Fmt.Count(s.Count) },
                        itemStyle = new { color = s.Color },
                        tooltip = new { formatter = $"{s.Label}: {Fmt.Count(s.Count)} / {Fmt.Count(steps[0].Count)} ({Fmt.Pct((double)s.Count / total)})" },
                    }).ToList(),
                },
            },
        };
    }
}
