using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Demo.Generation;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Demo;

/// <summary>
/// The demo's graded sample: the grading sample of the week before last, its first slots graded by the
/// demo reviewer (her existing grade of the answer where she made one, else the grade the demo's LLM
/// judge gave, else correct), so the queue, κ and the reports have something to show. The second slots
/// stay open: they need another reviewer, which is what a real reviewer of the demo gets to do.
/// </summary>
public sealed class DemoGradingSample(PuoDbContext db, GradingService grading, IOptions<MetricsOptions> options, TimeProvider clock)
{
    public const int Size = 60;

    /// <param name="week">The ISO week; by default the week before last.</param>
    /// <returns>The answers graded now (0 when the sample was graded before).</returns>
    public async Task<int> EnsureAsync(string? week = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        week ??= ReportingCalendar.IsoWeekOf(options.Value.Calendar.DayOf(now).AddDays(-14));
        if (await db.GradingAssignments.AnyAsync(a => a.Period == week && a.GradeId != null, ct)) return 0;
        await grading.DrawSampleAsync(week, Size, ct);

        var open = await db.GradingAssignments.Where(a => a.Period == week && a.Slot == 1 && a.GradeId == null).ToListAsync(ct);
        var turnIds = open.Select(a => a.TurnId).ToList();
        var grades = (await db.Grades.AsNoTracking().Where(g => turnIds.Contains(g.TurnId)).ToListAsync(ct))
            .GroupBy(g => g.TurnId).ToDictionary(g => g.Key, g => g.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToList());
        var added = new List<(GradingAssignment Assignment, AnswerGrade Grade)>();
        foreach (var assignment in open)
        {
            var known = grades.GetValueOrDefault(assignment.TurnId) ?? [];
            if (known.FirstOrDefault(g => g.Grader == GraderKind.Human) is { } human)
            {
                Link(assignment, human.Id, human.GraderId ?? DemoUsers.Reviewer, human.CreatedAt);
                continue;
            }
            var verdict = known.FirstOrDefault(g => g.Grader == GraderKind.LlmJudge)?.Verdict ?? GradeVerdict.Correct;
            var grade = new AnswerGrade
            {
                TurnId = assignment.TurnId, ConversationId = assignment.ConversationId, Grader = GraderKind.Human, GraderId = DemoUsers.Reviewer,
                Verdict = verdict, CreatedAt = now,
                ReasonCodes = verdict switch { GradeVerdict.Partial => GradeReasons.Incomplete, GradeVerdict.Incorrect => GradeReasons.WrongIntent, _ => null },
            };
            db.Grades.Add(grade);
            added.Add((assignment, grade));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (assignment, grade) in added) Link(assignment, grade.Id, DemoUsers.Reviewer, now);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return open.Count;
    }

    private static void Link(GradingAssignment assignment, long gradeId, string by, DateTime at)
    {
        assignment.GradeId = gradeId;
        assignment.GradedById = by;
        assignment.GradedAt = at;
    }
}
