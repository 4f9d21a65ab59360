using PuoAiOps.Application.Admin;

namespace PuoAiOps.Web.Knowledge;

/// <summary>Today's date in the workspace's time zone: a document turns stale the day after its review-by date there.</summary>
public static class KnowledgeToday
{
    public static async Task<DateOnly> TodayAsync(this WorkspaceClock clock, CancellationToken ct = default) =>
        DateOnly.FromDateTime((await clock.CurrentAsync(ct)).ToLocal(DateTime.UtcNow));
}
