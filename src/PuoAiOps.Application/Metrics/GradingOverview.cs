using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Annotation;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>One week's answer accuracy as reviewers graded it and, separately, as the LLM judge did.</summary>
public sealed record JudgeWeek(string Week, Ratio Human, Ratio Judge);

/// <summary>The LLM judge's series beside the human one, and the judge's agreement with the first human grade (κ).</summary>
public sealed record JudgeComparison(IReadOnlyList<JudgeWeek> Weeks, double? Kappa, double ObservedAgreement, int Pairs)
{
    public bool HasJudge => Weeks.Any(w => w.Judge.Denominator > 0);
}

public sealed record GradingPeriod(string Period, int Sampled, int Graded);

/// <summary>
/// Read side of answer grading for the console: the periods that have a sample, and the LLM judge's
/// grades as a series of their own (never mixed into the response accuracy rate).
/// </summary>
public sealed class GradingOverview(PuoDbContext db, IOptions<MetricsOptions> options)
{
    public async Task<IReadOnlyList<GradingPeriod>> PeriodsAsync(CancellationToken ct = default)
    {
        var rows = await db.GradingAssignments.AsNoTracking().Where(a => a.Slot == 1)
            .GroupBy(a => a.Period)
            .Select(g => new { Period = g.Key, Sampled = g.Count(), Graded = g.Count(a => a.GradeId != null) })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Period, StringComparer.Ordinal).Select(r => new GradingPeriod(r.Period, r.Sampled, r.Graded)).ToList();
    }

    /// <summary>Weekly human and judge accuracy over the first bot answers of conversations started in the days given.</summary>
    public async Task<JudgeComparison> JudgeAsync(DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        var calendar = options.Value.Calendar;
        var (from, to) = calendar.Range(first, last);
        var grades = await db.Conversations.AsNoTracking()
            .Where(c => c.StartedAt >= from && c.StartedAt < to && !c.IsTest && c.Channel != ConversationFacts.PlaygroundChannel)
            .Join(db.Grades, c => c.Id, g => g.ConversationId, (c, g) => new { c.StartedAt, g.Id, g.TurnId, g.Grader, g.Verdict, g.CreatedAt })
            .ToListAsync(ct);
        // The first grade of each kind per answer: the same rule as the response accuracy rate.
        var human = grades.Where(g => g.Grader == GraderKind.Human).GroupBy(g => g.TurnId)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).First());
        var judge = grades.Where(g => g.Grader == GraderKind.LlmJudge).GroupBy(g => g.TurnId)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).First());

        var weeks = new SortedDictionary<string, (long HumanOk, long HumanAll, long JudgeOk, long JudgeAll)>(StringComparer.Ordinal);
        for (var day = first; day <= last; day = day.AddDays(1)) weeks.TryAdd(ReportingCalendar.IsoWeekOf(day), default);
        foreach (var g in human.Values)
        {
            var week = ReportingCalendar.IsoWeekOf(calendar.DayOf(g.StartedAt));
            var w = weeks[week];
            weeks[week] = (w.HumanOk + (g.Verdict == GradeVerdict.Correct ? 1 : 0), w.HumanAll + 1, w.JudgeOk, w.JudgeAll);
        }
        foreach (var g in judge.Values)
        {
            var week = ReportingCalendar.IsoWeekOf(calendar.DayOf(g.StartedAt));
            var w = weeks[week];
            weeks[week] = (w.HumanOk, w.HumanAll, w.JudgeOk + (g.Verdict == GradeVerdict.Correct ? 1 : 0), w.JudgeAll + 1);
        }
        var pairs = human.Where(h => judge.ContainsKey(h.Key)).Select(h => (h.Value.Verdict, judge[h.Key].Verdict)).ToList();
        var kappa = CohensKappa.Compute(pairs);
        return new JudgeComparison(weeks.Select(w => new JudgeWeek(w.Key, Ratio.Of(w.Value.HumanOk, w.Value.HumanAll), Ratio.Of(w.Value.JudgeOk, w.Value.JudgeAll))).ToList(),
            kappa.Kappa, kappa.ObservedAgreement, kappa.Items);
    }
}
