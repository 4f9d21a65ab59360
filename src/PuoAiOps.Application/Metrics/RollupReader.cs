using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>Reads rollup rows under a filter and adds them up. Latency buckets are parsed only when asked for.</summary>
internal sealed class RollupReader(PuoDbContext db)
{
    public async Task<List<MetricRollup>> RowsAsync(MetricsFilter filter, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var query = db.MetricRollups.AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        if (filter.Locale is { } locale) query = query.Where(r => r.Locale == locale);
        if (filter.Channel is { } channel) query = query.Where(r => r.Channel == channel);
        if (filter.DomainId is { } domain)
        {
            var intents = db.Intents.Where(i => i.DomainId == domain).Select(i => (int?)i.Id);
            query = query.Where(r => intents.Contains(r.IntentId));
        }
        return await query.ToListAsync(ct);
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
}
