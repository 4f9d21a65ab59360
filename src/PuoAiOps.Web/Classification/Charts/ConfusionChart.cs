using System.Globalization;
using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Classification.Charts;

/// <summary>
/// The confusion matrix as a heatmap: rows are true labels, columns decisions, coloured by the share of
/// the row; the diagonal (recall) in the brand colour, confusions in red on their own scale so small ones
/// still show. Each cell carries its own tooltip text (an option travels as JSON: no functions).
/// </summary>
public static class ConfusionChart
{
    public static object Option(EvaluationReport report, IntentNames names, IStringLocalizer<ClassificationText> t)
    {
        var labels = report.Confusion.Labels;
        var axis = labels.Select(l => ChartStyle.Short(names[l])).ToList();
        var support = report.Confusion.Counts.Select(row => row.Sum()).ToList();
        var diagonal = new List<object>();
        var confusions = new List<object>();
        for (var r = 0; r < labels.Count; r++)
            for (var p = 0; p < labels.Count; p++)
            {
                var count = report.Confusion.Counts[r][p];
                if (count == 0) continue;
                var share = support[r] == 0 ? 0 : (double)count / support[r];
                var text = t["Chart.Confusion.Cell", names[labels[r]], names[labels[p]], count, support[r], share.ToString("P0", CultureInfo.CurrentCulture)].Value;
                (r == p ? diagonal : confusions).Add(new { value = new object[] { p, r, Math.Round(share, 4) }, name = text });
            }
        var maxConfusion = report.Confusion.Counts.SelectMany((row, r) => row.Select((c, p) => r == p || support[r] == 0 ? 0 : (double)c / support[r])).DefaultIfEmpty(0).Max();
        return new
        {
            textStyle = ChartStyle.Text,
            tooltip = new { trigger = "item", formatter = "{b}" },
            // Axis titles would collide with 45+ rotated labels; the card says rows are true labels, columns decisions.
            grid = new { left = 150, right = 16, top = 8, bottom = 190 },
            xAxis = new { type = "category", data = axis, axisLabel = new { rotate = 90, fontSize = 10, interval = 0, width = 135, overflow = "truncate" }, splitArea = new { show = true } },
            yAxis = new { type = "category", data = axis, inverse = true, axisLabel = new { fontSize = 10, interval = 0, width = 140, overflow = "truncate" }, splitArea = new { show = true } },
            visualMap = new object[]
            {
                new { show = false, seriesIndex = 0, min = 0, max = 1, inRange = new { color = new[] { "#e0e7ff", ChartStyle.Brand } } },
                new
                {
                    seriesIndex = 1, min = 0, max = Math.Round(Math.Max(maxConfusion, 0.01), 2), orient = "horizontal", left = "center", bottom = 0,
                    calculable = false, itemWidth = 12, itemHeight = 120, text = new[] { t["Chart.Confusion.More"].Value, t["Chart.Confusion.Rarely"].Value },
                    inRange = new { color = new[] { "#fee4e2", ChartStyle.Bad } },
                },
            },
            series = new object[]
            {
                new { name = t["Chart.Right"].Value, type = "heatmap", data = diagonal, emphasis = new { itemStyle = new { borderColor = "#1f2330", borderWidth = 1 } } },
                new { name = t["Chart.Confused"].Value, type = "heatmap", data = confusions, emphasis = new { itemStyle = new { borderColor = "#1f2330", borderWidth = 1 } } },
            },
        };
    }

    /// <summary>A taller chart for many labels, so each row stays readable.</summary>
    public static string Height(EvaluationReport report) => report.Confusion.Labels.Count > 24 ? "720px" : "480px";
}
