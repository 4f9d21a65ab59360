using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// Computes the per-user daily rows behind the user reuse rate from the raw conversations: each
/// included conversation's "returned" flag (<see cref="ReuseCalculator.Returned"/>, which needs the N
/// days after it), grouped by day, user, intent, locale and channel. The incremental builder and the
/// full-recomputation check both call this.
/// </summary>
internal sealed class UserDayComputer(PuoDbContext db, ReportingCalendar calendar, int windowDays)
{
    public async Task<List<MetricUserDay>> ComputeAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var (from, to) = calendar.Range(first, last);
        var until = to + TimeSpan.FromDays(windowDays);
        var visits = await db.Conversations.AsNoTracking()
            .Where(c => c.StartedAt >= from && c.StartedAt < until && !c.IsTest && c.Channel != ConversationFacts.PlaygroundChannel)
            .Select(c => new { c.Id, c.UserRef, c.StartedAt, c.IntentId, c.Locale, c.Channel })
            .ToListAsync(ct);
        var returned = ReuseCalculator.Returned(visits.Select(v => new Visit(v.Id, v.UserRef, v.StartedAt, v.IntentId)), windowDays);
        return visits.Where(v => v.StartedAt < to)
            .GroupBy(v => (Day: calendar.DayOf(v.StartedAt), v.UserRef, v.IntentId, v.Locale, v.Channel))
            .Select(g => new MetricUserDay
            {
                Day = g.Key.Day,
                UserRef = g.Key.UserRef,
                IntentId = g.Key.IntentId,
                Locale = g.Key.Locale,
                Channel = g.Key.Channel,
                Returned = g.Any(v => returned.Contains(v.Id)),
            })
            .ToList();
    }

    /// <summary>The days whose rows a change on any of <paramref name="changed"/> can alter: each, and the N days before it.</summary>
    public static List<DateOnly> Affected(IEnumerable<DateOnly> changed, int windowDays)
    {
        var days = new HashSet<DateOnly>();
        foreach (var day in changed)
            for (var back = 0; back <= windowDays; back++) days.Add(day.AddDays(-back));
        return days.Order().ToList();
    }

    /// <summary>A row's identity and value as text, to compare stored rows with recomputed ones.</summary>
    public static string Fingerprint(MetricUserDay r) =>
        $"user-day {r.Day:yyyy-MM-dd}|{r.UserRef}|{r.IntentId}|{r.Locale}|{r.Channel}|{(r.Returned ? "returned" : "not returned")}";
}
