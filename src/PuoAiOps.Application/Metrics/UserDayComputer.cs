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
    /// <summary>Users whose conversations changed, and the days of those conversations.</summary>
    public sealed record Changes(List<string> Users, DateOnly First, DateOnly Last);

    /// <param name="users">Only these users' rows (all when null).</param>
    public async Task<List<MetricUserDay>> ComputeAsync(DateOnly first, DateOnly last, List<string>? users, CancellationToken ct)
    {
        var (from, to) = calendar.Range(first, last);
        var until = to + TimeSpan.FromDays(windowDays);
        var query = db.Conversations.AsNoTracking()
            .Where(c => c.StartedAt >= from && c.StartedAt < until && !c.IsTest && c.Channel != ConversationFacts.PlaygroundChannel);
        if (users is not null) query = query.Where(c => users.Contains(c.UserRef));
        var visits = await query.Select(c => new { c.Id, c.UserRef, c.StartedAt, c.IntentId, c.Locale, c.Channel }).ToListAsync(ct);
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

    /// <summary>
    /// Recomputes the changed users' rows: on the days of their changed conversations and the N days
    /// before each (a new conversation can be the return after one up to N days earlier). A user whose
    /// recomputed rows equal the stored ones is left alone (most of the users of today and yesterday,
    /// run after run), so with no new traffic nothing is written. For the others, the reuse counts move
    /// by the difference between their old and new rows; replacing days [first, last] can change only
    /// the gaps of those days and of each cell's next active day after them, so only their rows within
    /// <see cref="ReuseCounter.MaxGapDays"/> days around are read (one index seek per changed user) and
    /// only those days are counted.
    /// </summary>
    public async Task ReplaceAsync(Changes changes, CancellationToken ct)
    {
        if (changes.Users.Count == 0) return;
        var first = changes.First.AddDays(-windowDays);
        var last = changes.Last;
        var candidates = changes.Users;
        var rows = await ComputeAsync(first, last, candidates, ct);
        var stored = await db.MetricUserDays.AsNoTracking()
            .Where(r => candidates.Contains(r.UserRef) && r.Day >= first && r.Day <= last).ToListAsync(ct);
        var users = Changed(stored, rows);
        if (users.Count == 0) return;
        var changedSet = users.ToHashSet(StringComparer.Ordinal);
        var old = stored.Where(r => changedSet.Contains(r.UserRef)).ToList();
        var fresh = rows.Where(r => changedSet.Contains(r.UserRef)).ToList();

        var (lookFrom, lookTo) = (first.AddDays(-ReuseCounter.MaxGapDays), last.AddDays(ReuseCounter.MaxGapDays));
        var around = await db.MetricUserDays.AsNoTracking()
            .Where(r => users.Contains(r.UserRef) && r.Day >= lookFrom && r.Day <= lookTo && (r.Day < first || r.Day > last)).ToListAsync(ct);
        var before = new ReuseCounter(first, countTo: last);
        before.Add(around.Concat(old));
        var after = new ReuseCounter(first, countTo: last);
        after.Add(around.Concat(fresh));

        await db.MetricUserDays.Where(r => r.Day >= first && r.Day <= last && users.Contains(r.UserRef)).ExecuteDeleteAsync(ct);
        db.MetricUserDays.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await ReuseCounts.ApplyAsync(db, before.Counts, after.Counts, ct);
    }

    /// <summary>The users whose recomputed rows differ from their stored ones (as sets of fingerprints).</summary>
    internal static List<string> Changed(IEnumerable<MetricUserDay> stored, IEnumerable<MetricUserDay> recomputed)
    {
        var old = stored.ToLookup(r => r.UserRef, Fingerprint, StringComparer.Ordinal);
        var fresh = recomputed.ToLookup(r => r.UserRef, Fingerprint, StringComparer.Ordinal);
        return old.Select(g => g.Key).Union(fresh.Select(g => g.Key), StringComparer.Ordinal)
            .Where(user => !old[user].ToHashSet(StringComparer.Ordinal).SetEquals(fresh[user]))
            .ToList();
    }

    /// <summary>A row's identity and value as text, to compare stored rows with recomputed ones.</summary>
    public static string Fingerprint(MetricUserDay r) =>
        $"user-day {r.Day:yyyy-MM-dd}|{r.UserRef}|{r.IntentId}|{r.Locale}|{r.Channel}|{(r.Returned ? "returned" : "not returned")}";
}
