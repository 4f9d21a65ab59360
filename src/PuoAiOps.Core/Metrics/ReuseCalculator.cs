namespace PuoAiOps.Core.Metrics;

/// <summary>The user reuse rate and whether the return window has fully passed.</summary>
public sealed record ReuseResult(Ratio Users, int WindowDays, bool Complete);

/// <summary>
/// User reuse: of the users with a conversation in [from, to), the share who start a new conversation
/// within N days after one of those, not counting a same-intent recontact within 24 h (that is a
/// failure, counted by the recontact rate, and must never read as loyalty).
/// </summary>
public static class ReuseCalculator
{
    public const int DefaultWindowDays = 7;

    /// <param name="visits">Included (non-test) visits from <paramref name="from"/> to <paramref name="to"/> plus N days.</param>
    /// <param name="now">Reuse is incomplete while the last return window has not ended.</param>
    /// <param name="cohort">When filtering (a locale, a channel…): the ids of the period's conversations that qualify a user; the return may be any new question.</param>
    public static ReuseResult Compute(IEnumerable<Visit> visits, DateTime from, DateTime to, int windowDays, DateTime now, IReadOnlySet<long>? cohort = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var window = TimeSpan.FromDays(windowDays);
        long active = 0, returned = 0;
        foreach (var user in visits.GroupBy(v => v.UserRef, StringComparer.Ordinal))
        {
            var ordered = user.OrderBy(v => v.StartedAtUtc).ThenBy(v => v.Id).ToList();
            var inPeriod = false;
            var back = false;
            for (var i = 0; i < ordered.Count && !back; i++)
            {
                var first = ordered[i];
                if (first.StartedAtUtc < from || first.StartedAtUtc >= to || cohort?.Contains(first.Id) == false) continue;
                inPeriod = true;
                for (var j = i + 1; j < ordered.Count && ordered[j].StartedAtUtc - first.StartedAtUtc <= window; j++)
                {
                    var later = ordered[j];
                    if (later.StartedAtUtc > first.StartedAtUtc && !RecontactFinder.IsRecontactOf(later, first))
                    {
                        back = true;
                        break;
                    }
                }
            }
            if (!inPeriod) continue;
            active++;
            if (back) returned++;
        }
        return new ReuseResult(Ratio.Of(returned, active), windowDays, to + window <= now);
    }

    /// <summary>
    /// Ids of the visits after which their user came back: a later conversation within N days that is
    /// not a same-intent recontact within 24 h. A visit's answer depends only on the N days after it,
    /// so it can be stored per conversation (the daily user rows) and <see cref="Compute"/>'s figure
    /// for any period is the distinct users in it, and of those the ones with a returned visit.
    /// </summary>
    /// <param name="visits">Included visits, including the N days after the last one asked about.</param>
    public static HashSet<long> Returned(IEnumerable<Visit> visits, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var window = TimeSpan.FromDays(windowDays);
        var result = new HashSet<long>();
        foreach (var user in visits.GroupBy(v => v.UserRef, StringComparer.Ordinal))
        {
            var ordered = user.OrderBy(v => v.StartedAtUtc).ThenBy(v => v.Id).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var first = ordered[i];
                for (var j = i + 1; j < ordered.Count && ordered[j].StartedAtUtc - first.StartedAtUtc <= window; j++)
                {
                    var later = ordered[j];
                    if (later.StartedAtUtc > first.StartedAtUtc && !RecontactFinder.IsRecontactOf(later, first))
                    {
                        result.Add(first.Id);
                        break;
                    }
                }
            }
        }
        return result;
    }
}
