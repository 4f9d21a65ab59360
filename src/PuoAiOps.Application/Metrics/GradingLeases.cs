using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// Short leases on grading slots, so two reviewers working the same week's queue are never shown the
/// same answer. A lease lives on the slot's row; it is taken with one conditional update (free,
/// expired, or already ours), so of two reviewers racing for a slot exactly one gets it and the other
/// moves on to the next. Submitting a grade clears it.
/// </summary>
internal sealed class GradingLeases(PuoDbContext db, TimeProvider clock, TimeSpan duration)
{
    private const int Candidates = 20;

    /// <summary>The slot this reviewer holds (renewed), else the first free one they may grade, leased to them; null when none is left.</summary>
    public async Task<GradingAssignment?> TakeAsync(string period, string reviewerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await Open(period, reviewerId)
            .Where(a => a.LeasedById == reviewerId && a.LeaseExpiresAt > now)
            .OrderBy(a => a.Slot).ThenBy(a => a.Id).FirstOrDefaultAsync(ct);
        if (held is not null && await TryLeaseAsync(held.Id, reviewerId, now, ct)) return held;

        while (true)
        {
            var candidates = await Open(period, reviewerId)
                .Where(a => a.LeasedById == null || a.LeaseExpiresAt <= now || a.LeasedById == reviewerId)
                .OrderBy(a => a.Slot).ThenBy(a => a.Id).Take(Candidates).ToListAsync(ct);
            if (candidates.Count == 0) return null;
            foreach (var candidate in candidates)
                if (await TryLeaseAsync(candidate.Id, reviewerId, now, ct))
                {
                    // One answer at a time: whatever else this reviewer held goes back to the queue.
                    await db.GradingAssignments.Where(a => a.Period == period && a.LeasedById == reviewerId && a.Id != candidate.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeasedById, (string?)null).SetProperty(a => a.LeaseExpiresAt, (DateTime?)null), ct);
                    return candidate;
                }
            // Every candidate was taken by someone else meanwhile: look again.
        }
    }

    /// <summary>Ungraded slots of the period, without the second slot of an answer this reviewer graded.</summary>
    private IQueryable<GradingAssignment> Open(string period, string reviewerId)
    {
        var mine = db.GradingAssignments.Where(a => a.Period == period && a.GradedById == reviewerId).Select(a => a.TurnId);
        return db.GradingAssignments.AsNoTracking().Where(a => a.Period == period && a.GradeId == null && !mine.Contains(a.TurnId));
    }

    private async Task<bool> TryLeaseAsync(long id, string reviewerId, DateTime now, CancellationToken ct)
    {
        var until = now + duration;
        return await db.GradingAssignments
            .Where(a => a.Id == id && a.GradeId == null && (a.LeasedById == null || a.LeaseExpiresAt <= now || a.LeasedById == reviewerId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeasedById, reviewerId).SetProperty(a => a.LeaseExpiresAt, until), ct) == 1;
    }
}
