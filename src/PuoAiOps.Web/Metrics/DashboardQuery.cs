using System.Globalization;
using PuoAiOps.Application.Metrics;

namespace PuoAiOps.Web.Metrics;

/// <summary>
/// The dashboard's filters as they travel in the URL (from, to, locale, channel, domain key), so a
/// view can be shared; unreadable or missing values fall back to the last 7 whole days.
/// </summary>
public sealed record DashboardQuery(DateOnly From, DateOnly To, string? Locale, string? Channel, string? Domain)
{
    public const int DefaultDays = 7;
    public const int MaxDays = 366;

    public static DashboardQuery Parse(string? from, string? to, string? locale, string? channel, string? domain, DateOnly today)
    {
        var end = ParseDay(to) ?? today.AddDays(-1);
        var start = ParseDay(from) ?? end.AddDays(-(DefaultDays - 1));
        if (start > end) (start, end) = (end, start);
        if (end.DayNumber - start.DayNumber + 1 > MaxDays) start = end.AddDays(-(MaxDays - 1));
        return new DashboardQuery(start, end, Blank(locale), Blank(channel), Blank(domain));
    }

    public MetricsFilter ToFilter(IReadOnlyList<DomainChoice> domains) =>
        new(From, To, Locale, Channel, Domain is null ? null : domains.FirstOrDefault(d => d.Key == Domain)?.Id);

    public string ToUrl(string path = "/dashboards")
    {
        var parts = new List<string> { "from=" + Day(From), "to=" + Day(To) };
        if (Locale is not null) parts.Add("locale=" + Uri.EscapeDataString(Locale));
        if (Channel is not null) parts.Add("channel=" + Uri.EscapeDataString(Channel));
        if (Domain is not null) parts.Add("domain=" + Uri.EscapeDataString(Domain));
        return path + "?" + string.Join('&', parts);
    }

    private static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
