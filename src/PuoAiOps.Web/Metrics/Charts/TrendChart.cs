using System.Globalization;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Core.Metrics;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Classification.Charts;

namespace PuoAiOps.Web.Metrics.Charts;

/// <summary>One rate of the daily or weekly trend: its name, colour and how to read it from a point.</summary>
public sealed record TrendSeries(string Key, string Name, string Color);

/// <summary>
/// Daily (or weekly) rates as lines, every point's tooltip giving numerator / denominator; days outside
/// the p-chart limits are marked on their series.
/// </summary>
public static class TrendChart
{
    public static readonly IReadOnlyList<(string Key, string Color)> Rates =
    [
        (MetricKeys.Resolution, ChartStyle.Good),
        (MetricKeys.Accuracy, ChartStyle.Brand),
        (MetricKeys.Escalation, "#f79009"),
        (MetricKeys.Fallback, ChartStyle.Muted),
        (MetricKeys.FailureRecontact, ChartStyle.Bad),
    ];

    public static Ratio Pick(DailyPoint p, string key) => key switch
    {
        MetricKeys.Resolution => p.Resolution,
        MetricKeys.Accuracy => p.Accuracy,
        MetricKeys.Escalation => p.Escalation,
        MetricKeys.Fallback => p.Fallback,
        _ => p.FailureRecontact,
    };

    public static Ratio Pick(WeeklyPoint p, string key) => key switch
    {
        MetricKeys.Resolution => p.Resolution,
        MetricKeys.Accuracy => p.Accuracy,
        MetricKeys.Escalation => p.Escalation,
        MetricKeys.Fallback => p.Fallback,
        _ => p.FailureRecontact,
    };

    public static object Daily(IReadOnlyList<DailyPoint> points, IReadOnlyList<AnomalyAlert> alerts, Func<string, string> name, string alertLabel)
    {
        var labels = points.Select(p => p.Day.ToString("MM-dd", CultureInfo.InvariantCulture)).ToList();
        var series = Rates.Select(r => Line(r.Key, name(r.Key), r.Color,
            points.Select(p => (Label: p.Day.ToString("d", CultureInfo.CurrentCulture), Ratio: Pick(p, r.Key))).ToList(),
            alerts.Where(a => a.MetricKey == r.Key).Select(a => (Index: points.ToList().FindIndex(p => p.Day == a.Day), a))
                .Where(x => x.Index >= 0).Select(x => Mark(x.Index, x.a.Rate, alertLabel)).ToList())).ToList();
        return Option(labels, series);
    }

    public static object Weekly(IReadOnlyList<WeeklyPoint> points, Func<string, string> name) =>
        Option(points.Select(p => p.Week).ToList(), Rates.Select(r => Line(r.Key, name(r.Key), r.Color,
            points.Select(p => (Label: p.Week, Ratio: Pick(p, r.Key))).ToList(), [])).ToList());

    /// <summary>A small line of one rate for an indicator card.</summary>
    public static object Spark(IReadOnlyList<DailyPoint> points, string key, string color) => new
    {
        grid = new { left = 2, right = 2, top = 4, bottom = 2 },
        tooltip = new { trigger = "item" },
        xAxis = new { type = "category", show = false, data = points.Select(p => p.Day.ToString("d", CultureInfo.CurrentCulture)).ToList() },
        yAxis = new { type = "value", show = false, scale = true },
        series = new object[]
        {
            new
            {
                type = "line", showSymbol = false, smooth = true, itemStyle = new { color }, areaStyle = new { opacity = 0.12 },
                data = points.Select(p => Point(p.Day.ToString("d", CultureInfo.CurrentCulture), "", Pick(p, key))).ToList(),
            },
        },
    };

    private static object Option(List<string> labels, List<Dictionary<string, object>> series) => new
    {
        textStyle = ChartStyle.Text,
        tooltip = new { trigger = "item" },
        legend = new { top = 0, left = 0, type = "scroll" },
        grid = new { left = 48, right = 16, top = 40, bottom = 32 },
        xAxis = new { type = "category", data = labels, boundaryGap = false },
        yAxis = new { type = "value", min = 0, max = 100, axisLabel = new { formatter = "{value} %" } },
        series,
    };

    private static Dictionary<string, object> Line(string key, string name, string color, List<(string Label, Ratio Ratio)> points, List<object> marks)
    {
        var series = new Dictionary<string, object>
        {
            ["id"] = key,
            ["name"] = name,
            ["type"] = "line",
            ["showSymbol"] = points.Count <= 40,
            ["connectNulls"] = false,
            ["itemStyle"] = new { color },
            ["data"] = points.Select(p => Point(p.Label, name, p.Ratio)).ToList(),
        };
        // Only when there is something to mark: ECharts reads an empty markPoint as "configure this".
        if (marks.Count > 0) series["markPoint"] = new { symbol = "pin", symbolSize = 38, itemStyle = new { color = ChartStyle.Bad }, data = marks };
        return series;
    }

    private static object Point(string label, string name, Ratio ratio) => new
    {
        value = ratio.Rate is { } r ? Math.Round(r * 100, 1) : (double?)null,
        tooltip = new { formatter = $"{label}<br/>{name} {Fmt.Pct(ratio.Rate)} ({Fmt.Count(ratio.Numerator)} / {Fmt.Count(ratio.Denominator)})" },
    };

    private static object Mark(int index, double rate, string label) => new
    {
        coord = new object[] { index, Math.Round(rate * 100, 1) },
        value = "!",
        tooltip = new { formatter = label },
    };
}
