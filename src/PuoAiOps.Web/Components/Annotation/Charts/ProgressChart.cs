using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Components.Annotation.Charts;

/// <summary>Where the batch's items are: agreed, adjudicated, waiting for a reviewer, still open (a doughnut).</summary>
public static class ProgressChart
{
    public sealed record Labels(string Agreed, string Adjudicated, string Waiting, string Open);

    public static object Option(BatchProgress progress, Labels text) => new
    {
        tooltip = new { trigger = "item" },
        legend = new { bottom = 0 },
        series = new object[]
        {
            new
            {
                type = "pie", radius = new[] { "45%", "70%" }, avoidLabelOverlap = true,
                label = new { show = true, formatter = "{b}: {c}" },
                data = new object[]
                {
                    new { name = text.Agreed, value = progress.Complete, itemStyle = new { color = ChartColors.Good } },
                    new { name = text.Adjudicated, value = progress.Adjudicated, itemStyle = new { color = ChartColors.Brand } },
                    new { name = text.Waiting, value = progress.NeedsAdjudication, itemStyle = new { color = ChartColors.Warn } },
                    new { name = text.Open, value = progress.Open, itemStyle = new { color = ChartColors.Muted } },
                },
            },
        },
    };
}
