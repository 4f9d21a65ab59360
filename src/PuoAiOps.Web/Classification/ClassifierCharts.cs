using System.Globalization;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Registry;

namespace PuoAiOps.Web.Classification;

/// <summary>
/// ECharts options for the evaluation pages (served as JSON, drawn by js/charts.js). No functions can
/// travel in JSON, so tooltips use ECharts' string templates and each cell carries its own text.
/// </summary>
internal static class ClassifierCharts
{
    private const string Brand = "#4338ca";
    private const string Good = "#12b76a";
    private const string Bad = "#f04438";
    private const string Muted = "#667085";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly object TextStyle = new { fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", color = "#1f2330" };

    /// <summary>
    /// Rows are true labels, columns predicted ones, coloured by the share of the row: the diagonal
    /// (recall) in the brand colour, confusions in red on their own scale so small ones still show.
    /// </summary>
    public static object Confusion(EvaluationReport report, IntentNames names)
    {
        var labels = report.Confusion.Labels;
        var axis = labels.Select(l => Short(names[l])).ToList();
        var support = report.Confusion.Counts.Select(row => row.Sum()).ToList();
        var diagonal = new List<object>();
        var confusions = new List<object>();
        for (var t = 0; t < labels.Count; t++)
            for (var p = 0; p < labels.Count; p++)
            {
                var count = report.Confusion.Counts[t][p];
                if (count == 0) continue;
                var share = support[t] == 0 ? 0 : (double)count / support[t];
                var text = string.Create(Inv, $"{names[labels[t]]} → {names[labels[p]]}: {count} of {support[t]} ({share:P0})");
                (t == p ? diagonal : confusions).Add(new { value = new object[] { p, t, Math.Round(share, 4) }, name = text });
            }
        var maxConfusion = confusions.Count == 0 ? 1 : report.Confusion.Counts.SelectMany((row, t) => row.Select((c, p) => t == p || support[t] == 0 ? 0 : (double)c / support[t])).Max();
        return new
        {
            textStyle = TextStyle,
            tooltip = new { trigger = "item", formatter = "{b}" },
            // Axis titles would collide with 45+ rotated labels; the card header says rows are true labels, columns decisions.
            grid = new { left = 150, right = 16, top = 8, bottom = 190 },
            xAxis = new { type = "category", data = axis, axisLabel = new { rotate = 90, fontSize = 10, interval = 0, width = 135, overflow = "truncate" }, splitArea = new { show = true } },
            yAxis = new { type = "category", data = axis, inverse = true, axisLabel = new { fontSize = 10, interval = 0, width = 140, overflow = "truncate" }, splitArea = new { show = true } },
            visualMap = new object[]
            {
                new { show = false, seriesIndex = 0, min = 0, max = 1, inRange = new { color = new[] { "#e0e7ff", Brand } } },
                new
                {
                    seriesIndex = 1, min = 0, max = Math.Round(Math.Max(maxConfusion, 0.01), 2), orient = "horizontal", left = "center", bottom = 0,
                    calculable = false, itemWidth = 12, itemHeight = 120, text = new[] { "more often confused", "rarely" },
                    inRange = new { color = new[] { "#fee4e2", Bad } },
                },
            },
            series = new object[]
            {
                new { name = "Right", type = "heatmap", data = diagonal, emphasis = new { itemStyle = new { borderColor = "#1f2330", borderWidth = 1 } } },
                new { name = "Confused", type = "heatmap", data = confusions, emphasis = new { itemStyle = new { borderColor = "#1f2330", borderWidth = 1 } } },
            },
        };
    }

    public static object Histogram(EvaluationReport report) => new
    {
        textStyle = TextStyle,
        tooltip = new { trigger = "axis", axisPointer = new { type = "shadow" } },
        legend = new { top = 0, right = 0 },
        grid = new { left = 44, right = 12, top = 36, bottom = 52 },
        xAxis = new
        {
            type = "category", name = "Confidence", nameLocation = "middle", nameGap = 32,
            data = report.Histogram.Select(b => string.Create(Inv, $"{b.From:0.0}–{b.To:0.0}")).ToList(),
            axisLabel = new { fontSize = 10, interval = 0 },
        },
        yAxis = new { type = "value", minInterval = 1 },
        series = new object[]
        {
            new { name = "Right", type = "bar", stack = "answers", data = report.Histogram.Select(b => b.Correct).ToList(), itemStyle = new { color = Good } },
            new { name = "Wrong", type = "bar", stack = "answers", data = report.Histogram.Select(b => b.Incorrect).ToList(), itemStyle = new { color = Bad } },
        },
    };

    /// <summary>Coverage and answered accuracy against the threshold, with the model's own threshold marked when it has one.</summary>
    public static object Coverage(EvaluationReport report)
    {
        object? mark = report.Threshold <= 0 ? null : new
        {
            symbol = "none", silent = true,
            lineStyle = new { color = Muted, type = "dashed" },
            label = new { formatter = string.Create(Inv, $"tuned {report.Threshold:0.00}"), position = "end" },
            data = new object[] { new { xAxis = Math.Round(report.Threshold, 4) } },
        };
        return new
        {
            textStyle = TextStyle,
            tooltip = new { trigger = "axis" },
            legend = new { top = 0, right = 0 },
            grid = new { left = 52, right = 24, top = 40, bottom = 52 },
            xAxis = new { type = "value", min = 0, max = 1, name = "Confidence threshold", nameLocation = "middle", nameGap = 32 },
            yAxis = new { type = "value", min = 0, max = 100, axisLabel = new { formatter = "{value} %" } },
            series = new object[]
            {
                new
                {
                    name = "Coverage", type = "line", showSymbol = false, itemStyle = new { color = Brand },
                    data = report.Curve.Select(p => new[] { p.Threshold, Math.Round(p.Coverage * 100, 1) }).ToList(),
                    markLine = mark,
                },
                new
                {
                    name = "Accuracy of answered", type = "line", showSymbol = false, itemStyle = new { color = Good },
                    data = report.Curve.Where(p => p.Coverage > 0).Select(p => new[] { p.Threshold, Math.Round(p.Accuracy * 100, 1) }).ToList(),
                },
            },
        };
    }

    /// <summary>F1 change per label (B − A), largest gains first, gains green and losses red.</summary>
    public static object Comparison(ModelComparison comparison)
    {
        var rows = comparison.PerLabel.Where(d => d.F1Delta is not null).OrderByDescending(d => d.F1Delta).ToList();
        return new
        {
            textStyle = TextStyle,
            tooltip = new { trigger = "axis", axisPointer = new { type = "shadow" } },
            grid = new { left = 56, right = 16, top = 12, bottom = 140 },
            xAxis = new { type = "category", data = rows.Select(d => d.Label).ToList(), axisLabel = new { rotate = 90, fontSize = 10, interval = 0, width = 130, overflow = "truncate" } },
            yAxis = new { type = "value", axisLabel = new { formatter = "{value} pt" } },
            series = new object[]
            {
                new
                {
                    name = "F1 change (points)", type = "bar",
                    data = rows.Select(d => new { value = Math.Round(d.F1Delta!.Value * 100, 1), itemStyle = new { color = d.F1Delta >= 0 ? Good : Bad } }).ToList(),
                },
            },
        };
    }

    private static string Short(string text) => text.Length <= 24 ? text : text[..23] + "…";
}
