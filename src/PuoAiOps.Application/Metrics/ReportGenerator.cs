using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Annotation;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>Gathers a report's figures from the rollups (through the query service) and a few small live reads.</summary>
internal sealed class ReportGenerator(PuoDbContext db, MetricsQueryService queries, MetricsOptions options, TimeProvider clock)
{
    private const int TopRows = 10;
    private const double NearMissBand = 0.15;

    public async Task<ReportDocument> GenerateAsync(ReportKind kind, string period, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var filter = new MetricsFilter(first, last);
        var overview = await queries.OverviewAsync(filter, ct);
        var (from, to) = options.Calendar.Range(first, last);
        var week = ReportingCalendar.IsoWeekOf(first);
        return new ReportDocument(kind, period, first, last, MetricRegistry.Version, options.ReportingTimeZone, clock.GetUtcNow().UtcDateTime,
            [.. overview.Headline, .. overview.Secondary],
            // A day has few conversations per intent: rank those with at least 5 finished there, 20 in a week.
            overview.WorstIntents.Where(r => r.Resolution.Denominator >= (kind == ReportKind.Daily ? 5 : MetricsQueryService.MinimumForRanking))
                .OrderBy(r => r.Resolution.Rate ?? 1).ThenByDescending(r => r.Conversations).Take(TopRows).ToList(),
            await NearMissesAsync(from, to, ct),
            await EscalationsAsync(from, to, ct),
            await SopGapsAsync(filter, ct),
            await AnnotationAsync(week, ct),
            overview.Alerts.Where(a => a.Day >= first && a.Day <= last).ToList());
    }

    private async Task<List<NearMissQuestion>> NearMissesAsync(DateTime from, DateTime to, CancellationToken ct)
    {
        var low = options.CoverageThreshold - NearMissBand;
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.StartedAt >= from && c.StartedAt < to && !c.IsTest && c.Channel != ConversationFacts.PlaygroundChannel
                        && c.IntentConfidence >= low && c.IntentConfidence < options.CoverageThreshold)
            .OrderByDescending(c => c.IntentConfidence).ThenBy(c => c.Id)
            .Take(TopRows)
            .Select(c => new
            {
                c.Id,
                c.IntentConfidence,
                Intent = db.Intents.Where(i => i.Id == c.IntentId).Select(i => i.Key).FirstOrDefault(),
                Text = db.Turns.Where(t => t.ConversationId == c.Id && t.Role == TurnRole.User).OrderBy(t => t.Ordinal).Select(t => t.Text).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new NearMissQuestion(r.Id, r.Text ?? "", r.Intent, r.IntentConfidence ?? 0)).ToList();
    }

    private async Task<EscalationSummary> EscalationsAsync(DateTime from, DateTime to, CancellationToken ct)
    {
        var rows = await db.Escalations.AsNoTracking()
            .Where(e => e.CreatedAt >= from && e.CreatedAt < to)
            .Join(db.Conversations, e => e.ConversationId, c => c.Id, (e, c) => new { e.Reason, e.ReasonCode, e.ReasonArgs, e.Status, c.IsTest, c.Channel })
            .Where(x => !x.IsTest && x.Channel != ConversationFacts.PlaygroundChannel)
            .Select(x => new { x.Reason, x.ReasonCode, x.ReasonArgs, x.Status })
            .ToListAsync(ct);
        // By code where a reason has one, so "out of scope (confidence 0.41)" and "(0.93)" count together.
        var byReason = rows.Select(r => EscalationReasons.Group(r.Reason, EscalationReasons.Read(r.ReasonCode, r.ReasonArgs)))
            .GroupBy(g => g.Reason, StringComparer.Ordinal)
            .Select(g => Count(g.First(), g.LongCount()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
        return new EscalationSummary(rows.Count, rows.LongCount(r => r.Status != EscalationStatus.Closed), byReason);
    }

    private static ReasonCount Count(EscalationReasonChoice group, long count)
    {
        if (group.Code is not { } code) return new ReasonCount(group.Reason, count);
        var (stored, args) = CodedMessageJson.Write(code);
        return new ReasonCount(code.English, count, stored, args);
    }

    private async Task<List<SopGap>> SopGapsAsync(MetricsFilter filter, CancellationToken ct)
    {
        var rows = await db.MetricRollups.AsNoTracking()
            .Where(r => r.Day >= filter.From && r.Day <= filter.To && r.IntentId != null)
            .GroupBy(r => r.IntentId)
            .Select(g => new
            {
                IntentId = g.Key!.Value,
                Conversations = g.Sum(r => r.Counts.Conversations),
                Unsupported = g.Where(r => r.AnswerSource == nameof(AnswerSource.Llm) || r.AnswerSource == nameof(AnswerSource.Fallback)).Sum(r => r.Counts.Conversations),
            })
            .ToListAsync(ct);
        var intents = await db.Intents.AsNoTracking().Select(i => new { i.Id, i.Key, i.Names }).ToDictionaryAsync(i => i.Id, ct);
        return rows.Where(r => r.Unsupported >= 3)
            .OrderByDescending(r => r.Unsupported).ThenBy(r => r.IntentId)
            .Take(TopRows)
            .Select(r =>
            {
                var intent = intents.GetValueOrDefault(r.IntentId);
                var en = intent?.Names.GetValueOrDefault("en") ?? intent?.Key ?? r.IntentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new SopGap(intent?.Key ?? "", en, intent?.Names.GetValueOrDefault("zh-CN") ?? en, r.Conversations, r.Unsupported, (double)r.Unsupported / r.Conversations);
            })
            .ToList();
    }

    private async Task<AnnotationProgress> AnnotationAsync(string week, CancellationToken ct)
    {
        var assignments = await db.GradingAssignments.AsNoTracking().Where(a => a.Period == week)
            .Select(a => new { a.TurnId, a.Slot, a.GradeId }).ToListAsync(ct);
        var gradeIds = assignments.Where(a => a.GradeId != null).Select(a => a.GradeId!.Value).ToList();
        var verdicts = await db.Grades.AsNoTracking().Where(g => gradeIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Verdict, ct);
        var pairs = assignments.Where(a => a.GradeId != null).GroupBy(a => a.TurnId)
            .Where(g => g.Select(a => a.Slot).Distinct().Count() == 2)
            .Select(g => (verdicts[g.First(a => a.Slot == 1).GradeId!.Value], verdicts[g.First(a => a.Slot == 2).GradeId!.Value]))
            .ToList();
        var kappa = CohensKappa.Compute(pairs);

        var items = await db.Items.AsNoTracking().Where(i => db.Batches.Any(b => b.Id == i.BatchId && b.Status != BatchStatus.Closed))
            .GroupBy(i => i.Status == ItemStatus.Complete || i.Status == ItemStatus.Adjudicated)
            .Select(g => new { Done = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        return new AnnotationProgress(week, assignments.LongCount(a => a.Slot == 1), assignments.LongCount(a => a.Slot == 1 && a.GradeId != null),
            pairs.Count, kappa.Kappa, items.Sum(i => i.Count), items.Where(i => i.Done).Sum(i => i.Count));
    }
}
