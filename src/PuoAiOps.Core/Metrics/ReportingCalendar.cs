using System.Globalization;

namespace PuoAiOps.Core.Metrics;

/// <summary>
/// Days and weeks in the reporting time zone (a setting): a conversation at 23:30 UTC belongs to the
/// next day in Shanghai. Periods are half-open UTC ranges [start, end).
/// </summary>
public sealed class ReportingCalendar(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    public DateTime StartUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A local midnight skipped by a DST jump: take the first valid instant after it.
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public (DateTime From, DateTime To) Range(DateOnly first, DateOnly last) => (StartUtc(first), StartUtc(last.AddDays(1)));

    /// <summary>Monday of an ISO week written "YYYY-Www".</summary>
    public static DateOnly ParseIsoWeek(string text)
    {
        if (text.Length is < 7 or > 8 || text[4] != '-' || char.ToUpperInvariant(text[5]) != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year < 1 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
            throw new FormatException($"'{text}' is not an ISO week like 2026-W49.");
        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
    }

    public static string IsoWeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}";
    }
}
