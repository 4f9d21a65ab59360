using PuoAiOps.Application.Scripts;

namespace PuoAiOps.Web.Components.Scripts;

/// <summary>The ECharts option of the coverage gaps: the most-asked gaps as horizontal bars, one series per language.</summary>
public static class CoverageChart
{
    public const int MaxBars = 15;

    public static object Option(IReadOnlyList<CoverageGap> gaps, Func<string, string> localeName)
    {
        var top = gaps.Take(MaxBars).Reverse().ToList(); // ECharts draws the first category at the bottom
        var categories = top.Select(g => $"{g.IntentKey} · {g.Locale}").ToList();
        var locales = top.Select(g => g.Locale).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new
        {
            grid = new { left = 8, right = 24, top = 32, bottom = 8, containLabel = true },
            tooltip = new { trigger = "axis", axisPointer = new { type = "shadow" } },
            legend = new { top = 0 },
            xAxis = new { type = "value", minInterval = 1 },
            yAxis = new { type = "category", data = categories },
            series = locales.Select(locale => new
            {
                name = localeName(locale),
                type = "bar",
                stack = "gaps",
                data = top.Select(g => g.Locale == locale ? (int?)g.Questions : null).ToList(),
            }).ToList(),
        };
    }
}
