using System.Globalization;
using System.Text.Json;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Web.Metrics.Charts;

namespace PuoAiOps.Web.Tests.Metrics;

/// <summary>The dashboards' funnel: each bar's number reads as the links under the chart do, in the reader's culture.</summary>
public sealed class FunnelChartTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    [Theory]
    [InlineData("en-US", "12,345")]
    [InlineData("de-DE", "12.345")]
    public void Option_WritesEachBarsNumber_InTheReadersCulture(string culture, string involved)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        var steps = FunnelChart.Steps(new FunnelView(12345, 12000, 9000, 2000, 1000, 0, 0), key => key);

        var option = JsonSerializer.SerializeToElement(FunnelChart.Option(steps));

        var labels = option.GetProperty("series")[0].GetProperty("data").EnumerateArray()
            .Select(d => d.GetProperty("label").GetProperty("formatter").GetString())
            .ToList();
        Assert.Equal(involved, labels[0]);
        Assert.Equal(7, labels.Count);
        Assert.Equal("0", labels[^1]);
    }

    public void Dispose() => CultureInfo.CurrentCulture = _previous;
}
