namespace PuoAiOps.Core.Annotation;

/// <summary>When a label was saved and how long its item was on screen (0 when the client did not say).</summary>
public readonly record struct LabelTiming(DateTime At, int DurationMs);

/// <summary>Items per hour of active work for one annotator.</summary>
public static class Throughput
{
    /// <summary>The gap cap used when a label has no measured duration: longer gaps are breaks, not work.</summary>
    public static readonly TimeSpan DefaultIdleCap = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Active time is the measured on-screen duration of each label; a label without one counts the
    /// gap since the annotator's previous label, capped at <paramref name="idleCap"/> (the first such
    /// label, having no predecessor, adds nothing). Null when there is no active time to divide by.
    /// </summary>
    public static double? ItemsPerHour(IEnumerable<LabelTiming> labels, TimeSpan? idleCap = null)
    {
        var cap = idleCap ?? DefaultIdleCap;
        var ordered = labels.OrderBy(l => l.At).ToList();
        if (ordered.Count == 0) return null;
        var active = TimeSpan.Zero;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].DurationMs > 0)
                active += TimeSpan.FromMilliseconds(ordered[i].DurationMs);
            else if (i > 0)
            {
                var gap = ordered[i].At - ordered[i - 1].At;
                active += gap < cap ? gap : cap;
            }
        }
        return active <= TimeSpan.Zero ? null : ordered.Count / active.TotalHours;
    }
}
