using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Classification.Charts;

/// <summary>F1 change per intent (candidate − baseline, in points), largest gains first, gains green and losses red.</summary>
public static class ComparisonChart
{
    public static object Option(ModelComparison comparison, IntentNames names, IStringLocalizer<ClassificationText> t)
    {
        var rows = comparison.PerLabel.Where(d => d.F1Delta is not null).OrderByDescending(d => d.F1Delta).ToList();
        return new
        {
            textStyle = ChartStyle.Text,
            tooltip = new { trigger = "axis", axisPointer = new { type = "shadow" } },
            grid = new { left = 56, right = 16, top = 12, bottom = 140 },
            xAxis = new { type = "category", data = rows.Select(d => ChartStyle.Short(names[d.Label])).ToList(), axisLabel = new { rotate = 90, fontSize = 10, interval = 0, width = 130, overflow = "truncate" } },
            yAxis = new { type = "value", axisLabel = new { formatter = "{value} " + t["Unit.Points"].Value } },
            series = new object[]
            {
                new
                {
                    name = t["Chart.Compare.Series"].Value, type = "bar",
                    data = rows.Select(d => new { value = Math.Round(d.F1Delta!.Value * 100, 1), itemStyle = new { color = d.F1Delta >= 0 ? ChartStyle.Good : ChartStyle.Bad } }).ToList(),
                },
            },
        };
    }
}
