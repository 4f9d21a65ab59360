using System.Globalization;

namespace PuoAiOps.Application.Admin;

/// <summary>
/// Formats stored UTC times in the workspace's time zone and the reader's culture. Get one from
/// <see cref="WorkspaceClock.CurrentAsync"/> once per render, then format synchronously.
/// </summary>
public sealed record WorkspaceTime(TimeZoneInfo Zone)
{
    public static readonly WorkspaceTime Utc = new(TimeZoneInfo.Utc);

    /// <summary>The IANA id shown beside times ("UTC", "Asia/Shanghai").</summary>
    public string ZoneId => Zone.Id;

    /// <summary>The local time in the zone; an unspecified kind is taken as UTC (as EF reads SQLite dates).</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Date and time ("g" by default) in the current culture, or the one given.</summary>
    public string Format(DateTime utc, string format = "g", IFormatProvider? culture = null) =>
        ToLocal(utc).ToString(format, culture ?? CultureInfo.CurrentCulture);

    /// <summary>The date only ("d"), in the zone: a time just after midnight UTC may still be yesterday here.</summary>
    public string FormatDate(DateTime utc) => Format(utc, "d");

    /// <summary>ISO 8601 with the zone's offset, for a machine-readable <c>datetime</c> attribute.</summary>
    public string Iso(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToString("O", CultureInfo.InvariantCulture);
    }
}
