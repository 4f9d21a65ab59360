using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// The dashboards' and reports' figures, as view models: headline indicators with interval and change,
/// daily and weekly trends, the funnel, worst intents first, p-chart alerts, and the conversations
/// behind a figure. Everything reads the rollup job's tables: the overview the per-intent day rows, the CLI
/// the daily rollup cube, and for reuse the per-day user counts (or the per-user daily rows, for a domain filter).
/// </summary>
public sealed class MetricsQueryService(PuoDbContext db, IOptions<MetricsOptions> options, TimeProvider clock, OverviewCache cache, IServiceScopeFactory scopes,
    ILogger<MetricsQueryService> logger)
{
    /// <summary>Days shown in the daily trend and used for the control limits, at least.</summary>
    public const int TrendDays = 28;
    /// <summary>Breakdown rows with fewer finished conversations are not ranked among the worst.</summary>
    public const int MinimumForRanking = 20;

    private readonly MetricsOptions _options = options.Value;
    private readonly RollupReader _reader = new(db);

    public MetricsFilter DefaultFilter(int days = 7)
    {
        var today = _options.Calendar.DayOf(clock.GetUtcNow().UtcDateTime);
        return new MetricsFilter(today.AddDays(-days), today.AddDays(-1));
    }

    public async Task<OverviewView> OverviewAsync(MetricsFilter filter, CancellationToken ct = default)
    {
        var trendFrom = filter.To.AddDays(-Math.Max(TrendDays, filter.Days) + 1);
        var first = trendFrom < filter.Previous.From ? trendFrom : filter.Previous.From;
        // One cell's per-intent day rows give the trend, the intents and both periods' latency (~50 rows a day).
        // Not cancelled with this request: another request for the same filter may be waiting on the same read (a few hundred ms at most).
        var figures = await cache.GetAsync(db, filter, () => OverviewFigures.LoadAsync(scopes, filter, first, logger, CancellationToken.None), ct);
        var labels = await LabelsAsync(MetricsDimension.Intent, ct);
        // The cached figures are shared between requests: sums go into new objects, nothing cached is changed.
        var now = RollupReader.Sum(figures.ByDay.Where(d => d.Key >= filter.From && d.Key <= filter.To).Select(d => d.Value));
        now.SetLatency(figures.Latency);
        var before = RollupReader.Sum(figures.ByDay.Where(d => d.Key >= filter.Previous.From && d.Key <= filter.Previous.To).Select(d => d.Value));
        before.SetLatency(figures.LatencyBefore);

        var reuse = Reuse(filter, figures.Reuse);
        var reusePrevious = Reuse(filter.Previous, figures.ReuseBefore);
        var daily = Daily(figures.ByDay, trendFrom, filter.To);
        var (headline, secondary) = Indicators(now.ToIndicators(), before.ToIndicators(), reuse, reusePrevious);
        var breakdown = Breakdown(figures.ByIntent.Select(g => (g.IntentId?.ToString(CultureInfo.InvariantCulture) ?? "none", g.Counts)), labels);
        return new OverviewView(filter, MetricRegistry.Version, _options.ReportingTimeZone, headline, secondary, daily, Weekly(daily),
            Funnel(now), breakdown, Alerts(daily));
    }

    /// <summary>All indicators for the period, overall or per group, for the CLI and the reports.</summary>
    public async Task<IReadOnlyList<IndicatorGroup>> IndicatorsAsync(MetricsFilter filter, MetricsDimension? by, CancellationToken ct = default)
    {
        var rows = await _reader.RowsAsync(filter, filter.Previous.From, filter.To, ct);
        var current = rows.Where(r => r.Day >= filter.From).ToList();
        var previous = rows.Where(r => r.Day < filter.From).ToList();
        if (by is null)
        {
            var (headline, secondary) = Indicators(RollupReader.Sum(current, true).ToIndicators(), RollupReader.Sum(previous, true).ToIndicators(),
                await ReuseAsync(filter, ct), await ReuseAsync(filter.Previous, ct));
            return [new IndicatorGroup("all", "all", [.. headline, .. secondary])];
        }
        var labels = await LabelsAsync(by.Value, ct);
        var previousByKey = previous.GroupBy(r => KeyOf(r, by.Value, labels.Domains)).ToDictionary(g => g.Key, g => RollupReader.Sum(g, true).ToIndicators());
        return current.GroupBy(r => KeyOf(r, by.Value, labels.Domains)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var (headline, secondary) = Indicators(RollupReader.Sum(g, true).ToIndicators(), previousByKey.GetValueOrDefault(g.Key), null, null);
            return new IndicatorGroup(g.Key, labels.Names.GetValueOrDefault(g.Key).En ?? g.Key, [.. headline, .. secondary]);
        }).ToList();
    }

    public async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(MetricsFilter filter, MetricsDimension dimension, CancellationToken ct = default) =>
        await BreakdownAsync(await _reader.RowsAsync(filter, filter.From, filter.To, ct), dimension, ct);

    /// <summary>
    /// User reuse from the per-user daily rows the rollup job keeps: the distinct users with a row in the
    /// period (under the filter), and of those the ones with a row flagged returned. Equal to
    /// <see cref="ReuseCalculator.Compute"/> over the raw visits (a property test checks), without reading them.
    /// </summary>
    public async Task<ReuseResult> ReuseAsync(MetricsFilter filter, CancellationToken ct = default) =>
        Reuse(filter, await OverviewFigures.ReuseCountsAsync(db, filter, ct));

    /// <remarks>Complete once the window after the period's last day has passed: until then more users may still return.</remarks>
    private ReuseResult Reuse(MetricsFilter filter, (long Returned, long Active) users)
    {
        var (_, to) = _options.Calendar.Range(filter.From, filter.To);
        var window = TimeSpan.FromDays(_options.ReuseWindowDays);
        return new ReuseResult(Ratio.Of(users.Returned, users.Active), _options.ReuseWindowDays, to + window <= clock.GetUtcNow().UtcDateTime);
    }

    private static (List<IndicatorView> Headline, List<IndicatorView> Secondary) Indicators(Indicators now, Indicators? before, ReuseResult? reuse, ReuseResult? reuseBefore)
    {
        var headline = new List<IndicatorView>
        {
            IndicatorView.FromRatio(MetricKeys.Accuracy, now.Accuracy, before?.Accuracy),
            IndicatorView.FromRatio(MetricKeys.Resolution, now.Resolution, before?.Resolution),
            IndicatorView.FromRatio(MetricKeys.ResolutionConfirmed, now.ResolutionConfirmed, before?.ResolutionConfirmed),
        };
        if (reuse is not null) headline.Add(IndicatorView.FromRatio(MetricKeys.Reuse, reuse.Users, reuseBefore?.Users) with { Complete = reuse.Complete });
        headline.Add(IndicatorView.FromRatio(MetricKeys.FailureRecontact, now.FailureRecontact, before?.FailureRecontact));
        var secondary = new List<IndicatorView>
        {
            IndicatorView.FromRatio(MetricKeys.Containment, now.Containment, before?.Containment),
            IndicatorView.FromRatio(MetricKeys.Escalation, now.Escalation, before?.Escalation),
            IndicatorView.FromRatio(MetricKeys.Coverage, now.Coverage, before?.Coverage),
            IndicatorView.FromRatio(MetricKeys.Fallback, now.Fallback, before?.Fallback),
            IndicatorView.FromRatio(MetricKeys.Csat, now.Csat, before?.Csat),
            IndicatorView.FromLatency(MetricKeys.LatencyP50, now.LatencyP50Ms, before?.LatencyP50Ms, now.LatencySamples),
            IndicatorView.FromLatency(MetricKeys.LatencyP95, now.LatencyP95Ms, before?.LatencyP95Ms, now.LatencySamples),
        };
        return (headline, secondary);
    }

    private static List<DailyPoint> Daily(IReadOnlyDictionary<DateOnly, IndicatorCounts> byDay, DateOnly from, DateOnly to)
    {
        var points = new List<DailyPoint>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var c = byDay.GetValueOrDefault(day) ?? new IndicatorCounts();
            var i = c.ToIndicators();
            points.Add(new DailyPoint(day, c.Conversations, i.Resolution, i.Escalation, i.Fallback, i.Accuracy, i.FailureRecontact));
        }
        return points;
    }

    private static List<WeeklyPoint> Weekly(List<DailyPoint> daily) =>
        daily.GroupBy(d => ReportingCalendar.IsoWeekOf(d.Day)).Select(g => new WeeklyPoint(g.Key, g.Sum(d => d.Conversations),
            Add(g.Select(d => d.Resolution)), Add(g.Select(d => d.Escalation)), Add(g.Select(d => d.Fallback)),
            Add(g.Select(d => d.Accuracy)), Add(g.Select(d => d.FailureRecontact)))).ToList();

    private static Ratio Add(IEnumerable<Ratio> ratios)
    {
        long n = 0, d = 0;
        foreach (var r in ratios) { n += r.Numerator; d += r.Denominator; }
        return Ratio.Of(n, d);
    }

    private static FunnelView Funnel(IndicatorCounts c) =>
        new(c.Conversations, c.Answered, c.Confirmed + c.Assumed, c.Escalated, c.Abandoned, c.Unresolved, c.Conversations - c.Finished);

    /// <summary>p-chart alerts on the daily series of the rates people act on.</summary>
    private static List<AnomalyAlert> Alerts(List<DailyPoint> daily)
    {
        var alerts = new List<AnomalyAlert>();
        void Check(string key, Func<DailyPoint, Ratio> pick)
        {
            var name = MetricRegistry.Get(key).Name;
            foreach (var p in PChart.Evaluate(daily.Select(d => (d.Day, pick(d).Numerator, pick(d).Denominator)).ToList()).Where(p => p.OutOfControl))
                alerts.Add(new AnomalyAlert(key, name, p.Day, p.Rate!.Value, p.Centre, p.Lower, p.Upper, p.Rate > p.Upper));
        }
        Check(MetricKeys.Resolution, d => d.Resolution);
        Check(MetricKeys.Escalation, d => d.Escalation);
        Check(MetricKeys.Fallback, d => d.Fallback);
        Check(MetricKeys.FailureRecontact, d => d.FailureRecontact);
        return alerts.OrderByDescending(a => a.Day).ThenBy(a => a.MetricKey, StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(List<MetricRollup> rows, MetricsDimension dimension, CancellationToken ct)
    {
        var labels = await LabelsAsync(dimension, ct);
        return Breakdown(rows.GroupBy(r => KeyOf(r, dimension, labels.Domains)).Select(g => (g.Key, RollupReader.Sum(g, withLatency: true))), labels);
    }

    private static List<BreakdownRow> Breakdown(IEnumerable<(string Key, IndicatorCounts Counts)> groups, Labels labels) =>
        groups.Select(g =>
            {
                var c = g.Counts;
                var i = c.ToIndicators();
                var (en, zh) = labels.Names.GetValueOrDefault(g.Key);
                return new BreakdownRow(g.Key, en ?? g.Key, zh ?? en ?? g.Key, c.Conversations, i.Resolution, i.Escalation, i.Fallback, i.Accuracy, i.FailureRecontact, i.LatencyP95Ms);
            })
            // Worst first: rows with enough finished conversations by resolution rate, then the thin ones.
            .OrderBy(r => r.Resolution.Denominator >= MinimumForRanking ? 0 : 1)
            .ThenBy(r => r.Resolution.Rate ?? 1)
            .ThenByDescending(r => r.Conversations)
            .ToList();

    internal static string KeyOf(MetricRollup r, MetricsDimension dimension, IReadOnlyDictionary<int, int> domains) => dimension switch
    {
        MetricsDimension.Intent => r.IntentId?.ToString(CultureInfo.InvariantCulture) ?? "none",
        MetricsDimension.Locale => r.Locale,
        MetricsDimension.Channel => r.Channel,
        MetricsDimension.Source => r.AnswerSource,
        MetricsDimension.Script => r.ScriptVersionId?.ToString(CultureInfo.InvariantCulture) ?? "none",
        MetricsDimension.Model => r.ModelVersionId?.ToString(CultureInfo.InvariantCulture) ?? "none",
        MetricsDimension.Domain => r.IntentId is { } id && domains.TryGetValue(id, out var d) ? d.ToString(CultureInfo.InvariantCulture) : "none",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    internal sealed record Labels(IReadOnlyDictionary<string, (string? En, string? Zh)> Names, IReadOnlyDictionary<int, int> Domains);

    /// <summary>Display names (English, Chinese) of the groups of a dimension; other dimensions show their key.</summary>
    internal async Task<Labels> LabelsAsync(MetricsDimension dimension, CancellationToken ct)
    {
        var names = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal) { ["none"] = ("(no intent)", "（无意图）") };
        var domains = new Dictionary<int, int>();
        if (dimension is MetricsDimension.Intent or MetricsDimension.Domain)
        {
            foreach (var i in await db.Intents.AsNoTracking().Select(i => new { i.Id, i.DomainId, i.Key, i.Names }).ToListAsync(ct))
            {
                domains[i.Id] = i.DomainId;
                if (dimension == MetricsDimension.Intent)
                    names[i.Id.ToString(CultureInfo.InvariantCulture)] = (i.Names.GetValueOrDefault("en") ?? i.Key, i.Names.GetValueOrDefault("zh-CN") ?? i.Names.GetValueOrDefault("en") ?? i.Key);
            }
            if (dimension == MetricsDimension.Domain)
                foreach (var d in await db.Domains.AsNoTracking().Select(d => new { d.Id, d.Key, d.Names }).ToListAsync(ct))
                    names[d.Id.ToString(CultureInfo.InvariantCulture)] = (d.Names.GetValueOrDefault("en") ?? d.Key, d.Names.GetValueOrDefault("zh-CN") ?? d.Key);
        }
        return new Labels(names, domains);
    }
}
