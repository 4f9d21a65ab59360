using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// Reads rollup rows under a filter and adds them up. The hot paths let the database add the counts
/// (<see cref="SumsAsync{TKey}"/>) and read only the latency histograms as text; whole rows are for the
/// CLI's arbitrary breakdowns.
/// </summary>
internal sealed class RollupReader(PuoDbContext db)
{
    public async Task<List<MetricRollup>> RowsAsync(MetricsFilter filter, DateOnly from, DateOnly to, CancellationToken ct) =>
        await Filtered(filter, from, to).ToListAsync(ct);

    /// <summary>The additive counts (no latency) per group, summed by the database.</summary>
    public async Task<List<(TKey Key, IndicatorCounts Counts)>> SumsAsync<TKey>(MetricsFilter filter, DateOnly from, DateOnly to,
        Expression<Func<MetricRollup, TKey>> key, CancellationToken ct)
    {
        var sums = await Filtered(filter, from, to).GroupBy(key).Select(g => new
        {
            g.Key,
            Counts = new IndicatorCounts
            {
                Conversations = g.Sum(r => r.Conversations), Finished = g.Sum(r => r.Finished), Confirmed = g.Sum(r => r.Confirmed),
                Assumed = g.Sum(r => r.Assumed), Unresolved = g.Sum(r => r.Unresolved), Escalated = g.Sum(r => r.Escalated),
                Abandoned = g.Sum(r => r.Abandoned), WithIntent = g.Sum(r => r.WithIntent), Recontacted = g.Sum(r => r.Recontacted),
                Covered = g.Sum(r => r.Covered), Answered = g.Sum(r => r.Answered), Fallback = g.Sum(r => r.Fallback),
                Rated = g.Sum(r => r.Rated), RatedGood = g.Sum(r => r.RatedGood), Graded = g.Sum(r => r.Graded),
                GradedCorrect = g.Sum(r => r.GradedCorrect),
            },
        }).ToListAsync(ct);
        return sums.Select(s => (s.Key, s.Counts)).ToList();
    }

    /// <summary>Each row's day, intent and latency histogram (as stored), for merging into the groups that need latency.</summary>
    public async Task<List<(DateOnly Day, int? IntentId, string Buckets)>> LatenciesAsync(MetricsFilter filter, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await Filtered(filter, from, to).Where(r => r.LatencyBuckets != "").Select(r => new { r.Day, r.IntentId, r.LatencyBuckets }).ToListAsync(ct))
        .Select(r => (r.Day, r.IntentId, r.LatencyBuckets)).ToList();

    private IQueryable<MetricRollup> Filtered(MetricsFilter filter, DateOnly from, DateOnly to)
    {
        var query = db.MetricRollups.AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        if (filter.Locale is { } locale) query = query.Where(r => r.Locale == locale);
        if (filter.Channel is { } channel) query = query.Where(r => r.Channel == channel);
        if (filter.DomainId is { } domain)
        {
            var intents = db.Intents.Where(i => i.DomainId == domain).Select(i => (int?)i.Id);
            query = query.Where(r => intents.Contains(r.IntentId));
        }
        return query;
    }

    public static IndicatorCounts Sum(IEnumerable<MetricRollup> rows, bool withLatency)
    {
        var total = new IndicatorCounts();
        foreach (var row in rows)
        {
            var counts = RollupComputer.ToCounts(row, withLatency);
            total.Add(counts);
        }
        return total;
    }

    public static IndicatorCounts Sum(IEnumerable<IndicatorCounts> counts)
    {
        var total = new IndicatorCounts();
        foreach (var c in counts) total.Add(c);
        return total;
    }
}
