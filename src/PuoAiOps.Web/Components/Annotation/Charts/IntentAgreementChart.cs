using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Components.Annotation.Charts;

/// <summary>
/// Specific agreement per intent, weakest first (the intents whose guide needs work), with the
/// reliability bands marked: 80 % and above reliable, 66.7 % tentative.
/// </summary>
public static class IntentAgreementChart
{
    public const int Intents = 15;

    public static IReadOnlyList<IntentAgreement> Weakest(IReadOnlyList<IntentAgreement> perIntent) =>
        [.. perIntent.Where(i => i.SpecificAgreement is not null).OrderBy(i => i.SpecificAgreement).ThenByDescending(i => i.Labels).Take(Intents)];

    public static object Option(IReadOnlyList<IntentAgreement> perIntent, string seriesName)
    {
        var intents = Weakest(perIntent).Reverse().ToList();
        return new
        {
            grid = new { left = 8, right = 48, top = 8, bottom = 24, containLabel = true },
            tooltip = new { trigger = "axis" },
            xAxis = new { type = "value", min = 0, max = 100, name = "%" },
            yAxis = new { type = "category", data = intents.Select(i => i.Intent.DisplayName()).ToArray(), axisLabel = new { width = 200, overflow = "truncate" } },
            series = new object[]
            {
                new
                {
                    name = seriesName, type = "bar",
                    data = intents.Select(i => new { value = ChartColors.Pct(i.SpecificAgreement), itemStyle = new { color = Band(i.SpecificAgreement) } }).ToArray(),
                    label = new { show = true, position = "right" },
                    markLine = new { silent = true, symbol = "none", data = new object[] { new { xAxis = 66.7 }, new { xAxis = 80 } } },
                },
            },
        };
    }

    private static string Band(double? agreement) => agreement switch
    {
        >= 0.8 => ChartColors.Good,
        >= 0.667 => ChartColors.Warn,
        _ => ChartColors.Bad,
    };
}
