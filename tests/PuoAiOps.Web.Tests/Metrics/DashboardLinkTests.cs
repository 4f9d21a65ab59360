using PuoAiOps.Application.Metrics;
using PuoAiOps.Core.Metrics;
using PuoAiOps.Web.Metrics;

namespace PuoAiOps.Web.Tests.Metrics;

/// <summary>The dashboard's filters in its URL, and the links from a figure to its conversations.</summary>
public sealed class DashboardLinkTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Fact]
    public void Parse_WithoutParameters_IsTheLastSevenWholeDays()
    {
        var query = DashboardQuery.Parse(null, null, null, null, null, Today);
        Assert.Equal(new DateOnly(2026, 11, 29), query.From);
        Assert.Equal(new DateOnly(2026, 12, 5), query.To);
        Assert.Null(query.Locale);
    }

    [Fact]
    public void Parse_SwapsReversedDays_IgnoresUnreadableOnes_AndCapsTheLength()
    {
        var swapped = DashboardQuery.Parse("2026-12-01", "2026-11-20", " ", "app", "payments", Today);
        Assert.Equal((new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 1)), (swapped.From, swapped.To));
        Assert.Null(swapped.Locale);
        Assert.Equal("app", swapped.Channel);
        Assert.Equal("payments", swapped.Domain);

        var unreadable = DashboardQuery.Parse("yesterday", "2026-13-01", null, null, null, Today);
        Assert.Equal(new DateOnly(2026, 12, 5), unreadable.To);

        var long_ = DashboardQuery.Parse("2020-01-01", "2026-12-05", null, null, null, Today);
        Assert.Equal(DashboardQuery.MaxDays, long_.To.DayNumber - long_.From.DayNumber + 1);
    }

    [Fact]
    public void ToUrl_RoundTripsThroughParse()
    {
        var query = new DashboardQuery(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "zh-CN", "web & app", "payments");
        var url = query.ToUrl();
        Assert.Equal("/dashboards?from=2026-11-01&to=2026-11-30&locale=zh-CN&channel=web%20%26%20app&domain=payments", url);
        var parameters = url[(url.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal(query, DashboardQuery.Parse(parameters["from"], parameters["to"], parameters["locale"], parameters["channel"], parameters["domain"], Today));
    }

    [Fact]
    public void ToFilter_ResolvesTheDomainKey_AndDropsAnUnknownOne()
    {
        DomainChoice[] domains = [new(7, "payments", "Payments", "支付")];
        Assert.Equal(7, new DashboardQuery(Today, Today, null, null, "payments").ToFilter(domains).DomainId);
        Assert.Null(new DashboardQuery(Today, Today, null, null, "nope").ToFilter(domains).DomainId);
    }

    [Fact]
    public void Conversations_CarriesOnlyTheParametersThatApply()
    {
        var filter = new MetricsFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7), Locale: "en");
        Assert.Equal("/conversations?from=2026-11-01&to=2026-11-07&locale=en", DrillLinks.Conversations(filter));
        Assert.Equal("/conversations?from=2026-11-03&to=2026-11-03&intent=refund_request&locale=en&outcome=escalated",
            DrillLinks.Conversations(filter, day: new DateOnly(2026, 11, 3), intentKey: "refund_request", outcome: DrillLinks.OutcomeOf(MetricKeys.Escalation)));
        Assert.Equal("/conversations?from=2026-11-01&to=2026-11-07&locale=en&outcome=resolved", DrillLinks.ForIndicator(filter, MetricKeys.Resolution));
        Assert.Null(DrillLinks.OutcomeOf(MetricKeys.Reuse));
    }
}
