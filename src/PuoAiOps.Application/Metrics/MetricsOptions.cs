using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>Configuration section "Metrics".</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>IANA id of the zone whose calendar days the indicators and reports use.</summary>
    public string ReportingTimeZone { get; set; } = "UTC";

    /// <summary>N of the user reuse rate: days in which a user must come back with a new question.</summary>
    public int ReuseWindowDays { get; set; } = ReuseCalculator.DefaultWindowDays;

    /// <summary>Intent confidence at or above which a conversation counts as covered.</summary>
    public double CoverageThreshold { get; set; } = 0.5;

    /// <summary>Answers drawn into each week's grading sample.</summary>
    public int GradingSampleSize { get; set; } = 200;

    /// <summary>Share of the sample graded a second time, independently, for agreement.</summary>
    public double DoubleGradeShare { get; set; } = 0.1;

    /// <summary>How long an answer shown to one reviewer is held back from the others (renewed while they keep it open).</summary>
    public int GradingLeaseMinutes { get; set; } = 10;

    public TimeSpan GradingLease => TimeSpan.FromMinutes(GradingLeaseMinutes);

    /// <summary>Run the rollup and report schedule in this process.</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>How often the schedule wakes to update rollups and write due reports.</summary>
    public int ScheduleIntervalMinutes { get; set; } = 15;

    /// <summary>Daily reports written at start-up when missing (so a fresh workspace shows a week).</summary>
    public int BackfillDays { get; set; } = 7;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(ReportingTimeZone);

    public ReportingCalendar Calendar => new(Zone);

    public IEnumerable<string> Validate()
    {
        string? zoneError = null;
        try { _ = Zone; }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zoneError = $"{SectionName}:ReportingTimeZone '{ReportingTimeZone}' is not a known time zone id (for example UTC, Asia/Shanghai).";
        }
        if (zoneError is not null) yield return zoneError;
        if (ReuseWindowDays is < 1 or > 90) yield return $"{SectionName}:ReuseWindowDays must be between 1 and 90.";
        if (CoverageThreshold is < 0 or > 1 || double.IsNaN(CoverageThreshold)) yield return $"{SectionName}:CoverageThreshold must be between 0 and 1.";
        if (GradingSampleSize is < 1 or > 100_000) yield return $"{SectionName}:GradingSampleSize must be between 1 and 100000.";
        if (DoubleGradeShare is < 0 or > 1 || double.IsNaN(DoubleGradeShare)) yield return $"{SectionName}:DoubleGradeShare must be between 0 and 1.";
        if (GradingLeaseMinutes is < 1 or > 240) yield return $"{SectionName}:GradingLeaseMinutes must be between 1 and 240.";
        if (ScheduleIntervalMinutes is < 1 or > 1440) yield return $"{SectionName}:ScheduleIntervalMinutes must be between 1 and 1440.";
        if (BackfillDays is < 0 or > 90) yield return $"{SectionName}:BackfillDays must be between 0 and 90.";
    }
}
