using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Core.Tests.Metrics;

public sealed class ReportingCalendarTests
{
    [Fact]
    public void DayOf_UsersInSeveralTimeZones_FallOnTheReportingZonesDay()
    {
        // A Shanghai user at 07:30 local and a New York user at 19:30 local are the same UTC instant.
        var instant = new DateTime(2026, 3, 10, 23, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 3, 11), new ReportingCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DayOf(instant));
        Assert.Equal(new DateOnly(2026, 3, 10), new ReportingCalendar(TimeZoneInfo.Utc).DayOf(instant));
        Assert.Equal(new DateOnly(2026, 3, 10), new ReportingCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DayOf(instant));
    }

    [Fact]
    public void StartUtc_IsTheLocalMidnight()
    {
        var shanghai = new ReportingCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Equal(new DateTime(2026, 3, 10, 16, 0, 0, DateTimeKind.Utc), shanghai.StartUtc(new DateOnly(2026, 3, 11)));
    }

    [Theory]
    [InlineData("2026-W01", 2025, 12, 29)]
    [InlineData("2026-W49", 2026, 11, 30)]
    [InlineData("2020-W53", 2020, 12, 28)]
    public void ParseIsoWeek_GivesMonday(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ReportingCalendar.ParseIsoWeek(text));

    [Theory]
    [InlineData("2026-49")]
    [InlineData("2026-W54")]
    [InlineData("2026-W00")]
    [InlineData("26-W10")]
    public void ParseIsoWeek_RejectsMalformedWeeks(string text) =>
        Assert.Throws<FormatException>(() => ReportingCalendar.ParseIsoWeek(text));

    [Fact]
    public void IsoWeekOf_RoundTrips() => Assert.Equal("2026-W49", ReportingCalendar.IsoWeekOf(ReportingCalendar.ParseIsoWeek("2026-W49")));
}
