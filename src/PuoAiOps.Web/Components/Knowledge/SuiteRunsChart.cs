using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Knowledge.Suites;

namespace PuoAiOps.Web.Components.Knowledge;

/// <summary>The ECharts option of a suite's runs: recall@1, recall@k and MRR@10 per run, oldest on the left.</summary>
public static class SuiteRunsChart
{
    public static object Option(IReadOnlyList<SuiteRunView> runs, WorkspaceTime time, string recallAt1, string recallAtK, string mrr) => new
    {
        grid = new { left = 8, right = 16, top = 36, bottom = 8, containLabel = true },
        tooltip = new { trigger = "axis" },
        legend = new { top = 0 },
        xAxis = new { type = "category", data = runs.Select(r => time.Format(r.RanAt, "g")).ToList() },
        yAxis = new { type = "value", min = 0, max = 1 },
        series = new object[]
        {
            Line(recallAt1, runs.Select(r => r.RecallAt1)),
            Line(recallAtK, runs.Select(r => r.RecallAtK)),
            Line(mrr, runs.Select(r => r.Mrr)),
        },
    };

    private static object Line(string name, IEnumerable<double> values) =>
        new { name, type = "line", symbolSize = 6, data = values.Select(v => Math.Round(v, 3)).ToList() };
}
