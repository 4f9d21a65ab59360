using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// Reads rollup rows under a filter and adds them up: whole cube rows, for the CLI's and the reports'
/// arbitrary breakdowns. The dashboard overview reads the per-intent day rows instead (<see cref="IntentDays"/>).
/// </summary>
internal sealed class RollupReader(PuoDbContext db)
{
    public async Task<List<MetricRollup>> RowsAsync(MetricsFilter filter, DateOnly from, DateOnly to, CancellationToken ct) =>
        await Filtered(filter, from, to).ToListAsync(ct);

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
