using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// Turns per-user daily rows (<see cref="MetricUserDay"/>) into the per-day counts the overview reads
/// for user reuse (<see cref="MetricReuseCount"/>). For each user and each cell of every locale ×
/// channel filter (either may be "all"), a day the user was active counts once, under the days since
/// the user's previous active day in that cell; likewise for days with a return. Rows must be fed in
/// day order; the counter remembers each user's last day across calls, so a full build can feed it a
/// week at a time. The incremental update feeds the old and the new rows of the changed users into two
/// counters and applies the difference.
/// </summary>
/// <param name="countFrom">Days before it only set the users' previous days (the incremental update's look-back).</param>
/// <param name="countTo">
/// After it, a day is counted only when its previous day in the cell is not also after it: the incremental
/// update replaces days up to here, so later days whose previous one is later too are the same before
/// and after the replacement (unbounded when null).
/// </param>
/// <param name="maxGapDays">Tests use a shorter limit to reach it.</param>
internal sealed class ReuseCounter(DateOnly countFrom, DateOnly? countTo = null, int maxGapDays = ReuseCounter.MaxGapDays)
{
    /// <summary>
    /// Gaps up to this many days are kept apart (longer ones and first days are stored as 0), which is
    /// exact for periods of up to <see cref="MaxGapDays"/> + 1 days: the dashboard's longest (366).
    /// </summary>
    public const int MaxGapDays = 366;

    public readonly record struct Key(DateOnly Day, string? Locale, string? Channel, bool Returned, int Gap);

    private readonly Dictionary<(string User, string? Locale, string? Channel, bool Returned), DateOnly> _last = new();

    /// <summary>Users per day, cell, kind and gap, for days from the one given at construction.</summary>
    public Dictionary<Key, long> Counts { get; } = new();

    /// <summary>Feeds rows whose days are not before any fed earlier.</summary>
    public void Add(IEnumerable<MetricUserDay> rows)
    {
        foreach (var row in rows.OrderBy(r => r.Day))
        foreach (var locale in new[] { null, row.Locale })
        foreach (var channel in new[] { null, row.Channel })
        {
            Count(row.Day, row.UserRef, locale, channel, returned: false);
            if (row.Returned) Count(row.Day, row.UserRef, locale, channel, returned: true);
        }
    }

    private void Count(DateOnly day, string user, string? locale, string? channel, bool returned)
    {
        var state = (user, locale, channel, returned);
        var gap = 0;
        var seen = _last.TryGetValue(state, out var last);
        if (seen)
        {
            // Another row of the same user, day and cell (other intent, locale or channel): counted once.
            if (last == day) return;
            gap = day.DayNumber - last.DayNumber;
            if (gap > maxGapDays) gap = 0;
        }
        _last[state] = day;
        if (day < countFrom) return;
        if (day > countTo && seen && last > countTo) return;
        var key = new Key(day, locale, channel, returned, gap);
        Counts[key] = Counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>Whether the stored counts can answer <paramref name="filter"/>: no domain (intents move between domains), and a period the gaps cover.</summary>
    public static bool Serves(MetricsFilter filter) => filter.DomainId is null && filter.Days <= MaxGapDays + 1;

    /// <summary>
    /// Distinct users of a period from its days' counts: a user is counted on the first day of the
    /// period they were active, the day whose previous one is before the period (or was never).
    /// </summary>
    public static (long Returned, long Active) Distinct(IEnumerable<(DateOnly Day, bool Returned, int Gap, long Users)> rows, DateOnly from, DateOnly to)
    {
        long returned = 0, active = 0;
        foreach (var (day, isReturned, gap, users) in rows)
        {
            if (day < from || day > to || (gap != 0 && gap <= day.DayNumber - from.DayNumber)) continue;
            if (isReturned) returned += users;
            else active += users;
        }
        return (returned, active);
    }

    public static MetricReuseCount ToRow(Key key, long users) =>
        new() { Day = key.Day, Locale = key.Locale, Channel = key.Channel, Returned = key.Returned, Gap = key.Gap, Users = users };

    public static Key KeyOf(MetricReuseCount r) => new(r.Day, r.Locale, r.Channel, r.Returned, r.Gap);

    /// <summary>A row's identity and value as text, to compare stored rows with recomputed ones.</summary>
    public static string Fingerprint(Key key, long users) =>
        $"reuse-count {key.Day:yyyy-MM-dd}|{key.Locale ?? "*"}|{key.Channel ?? "*"}|{(key.Returned ? "returned" : "active")}|gap {key.Gap}|{users}";
}
