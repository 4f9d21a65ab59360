namespace PuoAiOps.Core.Metrics;

/// <summary>A user's conversation start, for the recontact and reuse windows.</summary>
public readonly record struct Visit(long Id, string UserRef, DateTime StartedAtUtc, int? IntentId);

/// <summary>
/// Failure recontact: the same user comes back about the same intent within 24 hours of a
/// conversation's start. A rolling 24 h, not a calendar day, so a recontact across midnight counts.
/// </summary>
public static class RecontactFinder
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>Ids of the conversations followed by a same-intent recontact. Pass every visit that may follow (24 h past the period).</summary>
    public static HashSet<long> Recontacted(IEnumerable<Visit> visits)
    {
        var result = new HashSet<long>();
        foreach (var user in visits.GroupBy(v => v.UserRef, StringComparer.Ordinal))
        {
            var ordered = user.OrderBy(v => v.StartedAtUtc).ThenBy(v => v.Id).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].IntentId is not { } intent) continue;
                for (var j = i + 1; j < ordered.Count && ordered[j].StartedAtUtc - ordered[i].StartedAtUtc <= Window; j++)
                {
                    if (ordered[j].IntentId == intent)
                    {
                        result.Add(ordered[i].Id);
                        break;
                    }
                }
            }
        }
        return result;
    }

    /// <summary>True when <paramref name="later"/> is a same-intent recontact of <paramref name="earlier"/>.</summary>
    public static bool IsRecontactOf(Visit later, Visit earlier) =>
        later.IntentId is not null && later.IntentId == earlier.IntentId
        && later.StartedAtUtc > earlier.StartedAtUtc && later.StartedAtUtc - earlier.StartedAtUtc <= Window;
}
