using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Annotation;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// Answer grading: each week a stratified sample of first bot answers (by intent, answer source and
/// confidence band) goes to the Reviewer queue; a share is graded twice, independently, and the two
/// grades' agreement (Cohen's κ) is reported. Slot 1 grades feed the response accuracy rate.
/// </summary>
public sealed class GradingService(PuoDbContext db, IOptions<MetricsOptions> options, TimeProvider clock, IAnswerPreGrader preGrader,
    ILogger<GradingService> logger)
{
    private static readonly long DoubleSalt = StableRandom.Salt("grading-double");
    private readonly MetricsOptions _options = options.Value;

    public static string Band(double? confidence) => confidence switch { null or < 0.5 => "low", < 0.8 => "mid", _ => "high" };

    /// <summary>Draws the week's sample once; drawing again returns what is there.</summary>
    public async Task<GradingSampleResult> DrawSampleAsync(string isoWeek, int? size = null, CancellationToken ct = default)
    {
        DateOnly monday;
        try { monday = ReportingCalendar.ParseIsoWeek(isoWeek); }
        catch (FormatException) { throw new ValidationException("week", CodedMessage.Of(MetricsRefusal.NotAWeek, isoWeek)); }
        var period = ReportingCalendar.IsoWeekOf(monday);
        var sampleSize = size ?? _options.GradingSampleSize;
        if (sampleSize is < 1 or > 100_000) throw new ValidationException("size", CodedMessage.Of(MetricsRefusal.SampleSizeOutOfRange, 1, 100_000));

        var existing = await db.GradingAssignments.Where(a => a.Period == period).Select(a => new { a.Slot, a.Stratum }).ToListAsync(ct);
        if (existing.Count > 0)
            return new GradingSampleResult(period, existing.Count(a => a.Slot == 1), existing.Select(a => a.Stratum).Distinct().Count(), existing.Count(a => a.Slot == 2), AlreadyDrawn: true);

        var (from, to) = _options.Calendar.Range(monday, monday.AddDays(6));
        var candidates = (await db.Conversations.AsNoTracking()
                .Where(c => c.StartedAt >= from && c.StartedAt < to && !c.IsTest && c.Channel != ConversationFacts.PlaygroundChannel && c.Outcome != ConversationOutcome.Open)
                .Join(db.Turns, c => c.Id, t => t.ConversationId, (c, t) => new { t.Id, t.ConversationId, t.Ordinal, t.Role, t.Source, c.IntentId, c.IntentConfidence })
                .Where(t => t.Role == TurnRole.Bot)
                .ToListAsync(ct))
            .GroupBy(t => t.ConversationId).Select(g => g.OrderBy(t => t.Ordinal).First())
            .Select(t => (t.Id, t.ConversationId, Stratum: $"{t.IntentId?.ToString(CultureInfo.InvariantCulture) ?? "none"}|{t.Source}|{Band(t.IntentConfidence)}"))
            .ToList();
        var seed = StableRandom.Salt(period);
        var byStratum = candidates.GroupBy(c => c.Stratum).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var shares = StratifiedSample.Allocate(byStratum.ToDictionary(s => s.Key, s => s.Value.Count, StringComparer.Ordinal), sampleSize, seed);

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<GradingAssignment>();
        foreach (var (stratum, count) in shares.Where(s => s.Value > 0))
        {
            var members = byStratum[stratum].ToDictionary(m => m.Id);
            foreach (var turnId in StratifiedSample.Pick(members.Keys, count, seed, StableRandom.Salt(stratum)))
            {
                rows.Add(new GradingAssignment { Period = period, TurnId = turnId, ConversationId = members[turnId].ConversationId, Stratum = stratum, Slot = 1, CreatedAt = now });
                if (StableRandom.Unit(seed, DoubleSalt, turnId) < _options.DoubleGradeShare)
                    rows.Add(new GradingAssignment { Period = period, TurnId = turnId, ConversationId = members[turnId].ConversationId, Stratum = stratum, Slot = 2, CreatedAt = now });
            }
        }
        db.GradingAssignments.AddRange(rows);
        await db.SaveChangesAsync(ct);
        var result = new GradingSampleResult(period, rows.Count(r => r.Slot == 1), shares.Count(s => s.Value > 0), rows.Count(r => r.Slot == 2), AlreadyDrawn: false);
        MetricsLog.SampleDrawn(logger, period, result.Answers, result.Strata, result.GradedTwice);
        return result;
    }

    /// <summary>
    /// The next ungraded answer for this reviewer, leased to them (<see cref="MetricsOptions.GradingLease"/>) so
    /// a second reviewer opening the queue gets the one after it; the answer they hold already, if any (the
    /// lease renewed); never the second slot of an answer they graded themselves. An expired lease frees the answer.
    /// </summary>
    public async Task<GradingItem?> NextAsync(Actor reviewer, string period, CancellationToken ct = default)
    {
        RequireReviewer(reviewer);
        var me = reviewer.UserId!;
        var leases = new GradingLeases(db, clock, _options.GradingLease);
        var next = await leases.TakeAsync(period, me, ct);
        if (next is null) return null;
        var turns = await db.Turns.AsNoTracking().Where(t => t.ConversationId == next.ConversationId && t.Ordinal <= db.Turns.Where(x => x.Id == next.TurnId).Select(x => x.Ordinal).First())
            .OrderBy(t => t.Ordinal).Select(t => new { t.Id, t.Role, t.Text, t.Source, t.IntentId }).ToListAsync(ct);
        var answer = turns.First(t => t.Id == next.TurnId);
        var intentKey = answer.IntentId is { } id ? await db.Intents.Where(i => i.Id == id).Select(i => i.Key).FirstOrDefaultAsync(ct) : null;
        var item = new GradingItem(next.Id, next.Period, next.Slot, next.ConversationId, next.TurnId, next.Stratum,
            string.Join("\n", turns.Where(t => t.Role == TurnRole.User).Select(t => t.Text)), answer.Text, intentKey, answer.Source.ToString(), null);
        return item with { Suggestion = await preGrader.PreGradeAsync(item, ct) };
    }

    public async Task<AnswerGrade> SubmitAsync(Actor reviewer, long assignmentId, GradeVerdict verdict, IReadOnlyList<string> reasons, string? note, CancellationToken ct = default)
    {
        RequireReviewer(reviewer);
        var unknown = reasons.Where(r => !GradeReasons.IsKnown(r)).ToList();
        if (unknown.Count > 0) throw new ValidationException("reasons", CodedMessage.Of(MetricsRefusal.UnknownReasons, string.Join(", ", unknown), string.Join(", ", GradeReasons.All)));
        if (verdict != GradeVerdict.Correct && reasons.Count == 0) throw new ValidationException("reasons", CodedMessage.Of(MetricsRefusal.ReasonRequired));
        if (verdict == GradeVerdict.Correct && reasons.Count > 0) throw new ValidationException("reasons", CodedMessage.Of(MetricsRefusal.ReasonNotAllowed));

        var assignment = await db.GradingAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId, ct)
            ?? throw new NotFoundException(CodedMessage.Of(MetricsRefusal.NoAssignment, assignmentId));
        if (assignment.GradeId is not null) throw new ConflictException(CodedMessage.Of(MetricsRefusal.AlreadyGraded));
        var now = clock.GetUtcNow().UtcDateTime;
        if (assignment.LeasedById is { } holder && holder != reviewer.UserId && assignment.LeaseExpiresAt > now)
            throw new ConflictException(CodedMessage.Of(MetricsRefusal.OpenByAnotherReviewer));
        if (await db.GradingAssignments.AnyAsync(a => a.TurnId == assignment.TurnId && a.Id != assignment.Id && a.GradedById == reviewer.UserId, ct))
            throw new ConflictException(CodedMessage.Of(MetricsRefusal.GradedByYouAlready));

        var grade = new AnswerGrade
        {
            TurnId = assignment.TurnId, ConversationId = assignment.ConversationId, Grader = GraderKind.Human, GraderId = reviewer.UserId,
            Verdict = verdict, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            ReasonCodes = reasons.Count == 0 ? null : string.Join(",", reasons.Distinct(StringComparer.Ordinal)), CreatedAt = now,
        };
        // The grade and the slot's claim commit together; a concurrent submit of the same slot claims no row and rolls back.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Grades.Add(grade);
        await db.SaveChangesAsync(ct);
        var updated = await db.GradingAssignments.Where(a => a.Id == assignment.Id && a.GradeId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.GradeId, grade.Id).SetProperty(a => a.GradedById, reviewer.UserId).SetProperty(a => a.GradedAt, now)
                .SetProperty(a => a.LeasedById, (string?)null).SetProperty(a => a.LeaseExpiresAt, (DateTime?)null), ct);
        if (updated == 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw new ConflictException(CodedMessage.Of(MetricsRefusal.GradedMeanwhile));
        }
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return grade;
    }

    public async Task<GradingProgress> ProgressAsync(string period, CancellationToken ct = default)
    {
        var rows = await db.GradingAssignments.AsNoTracking().Where(a => a.Period == period)
            .GroupJoin(db.Grades, a => a.GradeId, g => g.Id, (a, g) => new { a, g })
            .SelectMany(x => x.g.DefaultIfEmpty(), (x, g) => new { x.a.TurnId, x.a.Slot, Verdict = g == null ? (GradeVerdict?)null : g.Verdict })
            .ToListAsync(ct);
        var pairs = rows.Where(r => r.Verdict is not null).GroupBy(r => r.TurnId).Where(g => g.Select(r => r.Slot).Distinct().Count() == 2)
            .Select(g => (g.First(r => r.Slot == 1).Verdict!.Value, g.First(r => r.Slot == 2).Verdict!.Value)).ToList();
        var kappa = CohensKappa.Compute(pairs);
        return new GradingProgress(period, rows.Count(r => r.Slot == 1), rows.Count(r => r.Slot == 1 && r.Verdict is not null),
            rows.Count(r => r.Slot == 2), rows.Count(r => r.Slot == 2 && r.Verdict is not null), kappa.Kappa, kappa.ObservedAgreement, kappa.Items);
    }

    private static void RequireReviewer(Actor actor)
    {
        if (!actor.IsInRole(Roles.Reviewer) || actor.UserId is null)
            throw new ForbiddenException(CodedMessage.Of(MetricsRefusal.GradingNeedsRole));
    }
}
