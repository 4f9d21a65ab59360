using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

public sealed record ReportSummary(long Id, ReportKind Kind, string Period, DateOnly FirstDay, DateOnly LastDay, string DefinitionsVersion, DateTime GeneratedAt, string GeneratedBy);

/// <summary>
/// Daily and weekly data review reports: generated (on schedule or on demand) from freshly updated
/// rollups, stored one per kind and period (generating again replaces it), listed, and rendered.
/// Only whole periods that are over can be reported.
/// </summary>
public sealed class ReportService(PuoDbContext db, RollupBuilder rollups, MetricsQueryService queries, IOptions<MetricsOptions> options,
    TimeProvider clock, ILogger<ReportService> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly MetricsOptions _options = options.Value;

    public Task<ReportDocument> GenerateDailyAsync(DateOnly day, string generatedBy, CancellationToken ct = default) =>
        GenerateDailyAsync(day, generatedBy, null, ct);

    public Task<ReportDocument> GenerateDailyAsync(DateOnly day, string generatedBy, IJobProgress? progress, CancellationToken ct) =>
        GenerateAsync(ReportKind.Daily, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, day, generatedBy, progress, ct);

    /// <param name="isoWeek">"YYYY-Www", e.g. 2026-W49.</param>
    public Task<ReportDocument> GenerateWeeklyAsync(string isoWeek, string generatedBy, CancellationToken ct = default) =>
        GenerateWeeklyAsync(isoWeek, generatedBy, null, ct);

    public Task<ReportDocument> GenerateWeeklyAsync(string isoWeek, string generatedBy, IJobProgress? progress, CancellationToken ct)
    {
        var (period, first, last) = CheckPeriod(ReportKind.Weekly, isoWeek);
        return GenerateAsync(ReportKind.Weekly, period, first, last, generatedBy, progress, ct);
    }

    /// <summary>
    /// The period's normalised name and days, or a <see cref="ValidationException"/> when it cannot be read
    /// or is not over yet (a report covers whole days in the reporting time zone).
    /// </summary>
    public (string Period, DateOnly First, DateOnly Last) CheckPeriod(ReportKind kind, string period)
    {
        DateOnly first, last;
        string name;
        if (kind == ReportKind.Daily)
        {
            if (!DateOnly.TryParseExact(period?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
                throw new ValidationException("day", CodedMessage.Of(MetricsRefusal.NotADay, period ?? ""));
            last = first;
            name = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            try { first = ReportingCalendar.ParseIsoWeek(period?.Trim() ?? ""); }
            catch (FormatException) { throw new ValidationException("week", CodedMessage.Of(MetricsRefusal.NotAWeek, period?.Trim() ?? "")); }
            last = first.AddDays(6);
            name = ReportingCalendar.IsoWeekOf(first);
        }
        var today = _options.Calendar.DayOf(clock.GetUtcNow().UtcDateTime);
        if (last >= today)
            throw new ValidationException("period", CodedMessage.Of(kind == ReportKind.Daily ? MetricsRefusal.DayNotOver : MetricsRefusal.WeekNotOver,
                name, last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _options.ReportingTimeZone));
        return (name, first, last);
    }

    public async Task<IReadOnlyList<ReportSummary>> ListAsync(ReportKind? kind = null, int limit = 100, CancellationToken ct = default)
    {
        var query = db.MetricReports.AsNoTracking();
        if (kind is { } k) query = query.Where(r => r.Kind == k);
        return await query.OrderByDescending(r => r.FirstDay).ThenBy(r => r.Kind)
            .Take(Math.Clamp(limit, 1, 1000))
            .Select(r => new ReportSummary(r.Id, r.Kind, r.Period, r.FirstDay, r.LastDay, r.DefinitionsVersion, r.GeneratedAt, r.GeneratedBy))
            .ToListAsync(ct);
    }

    public async Task<ReportDocument> GetAsync(long id, CancellationToken ct = default)
    {
        var content = await db.MetricReports.Where(r => r.Id == id).Select(r => r.Content).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(CodedMessage.Of(MetricsRefusal.NoReport, id));
        return JsonSerializer.Deserialize<ReportDocument>(content, Json)!;
    }

    public async Task<bool> ExistsAsync(ReportKind kind, string period, CancellationToken ct = default) =>
        await db.MetricReports.AnyAsync(r => r.Kind == kind && r.Period == period, ct);

    private async Task<ReportDocument> GenerateAsync(ReportKind kind, string period, DateOnly first, DateOnly last, string generatedBy,
        IJobProgress? progress, CancellationToken ct)
    {
        _ = CheckPeriod(kind, period);
        var stopwatch = Stopwatch.StartNew();
        if (progress is not null) await progress.ReportAsync(0.05, CodedMessage.Of(MetricsJobMessage.RollingUp), ct);
        await rollups.BuildAsync(ct);
        if (progress is not null) await progress.ReportAsync(0.5, CodedMessage.Of(MetricsJobMessage.Gathering), ct);
        var document = await new ReportGenerator(db, queries, _options, clock).GenerateAsync(kind, period, first, last, ct);
        var content = JsonSerializer.Serialize(document, Json);

        var row = await db.MetricReports.FirstOrDefaultAsync(r => r.Kind == kind && r.Period == period, ct);
        if (row is null) db.MetricReports.Add(row = new MetricReport { Kind = kind, Period = period });
        row.FirstDay = first;
        row.LastDay = last;
        row.DefinitionsVersion = document.DefinitionsVersion;
        row.TimeZone = document.TimeZone;
        row.GeneratedAt = document.GeneratedAt;
        row.GeneratedBy = generatedBy.Length > 64 ? generatedBy[..64] : generatedBy;
        row.Content = content;
        if (progress is not null) await progress.ReportAsync(0.9, CodedMessage.Of(MetricsJobMessage.StoringReport), ct);
        await db.SaveChangesAsync(ct);
        MetricsLog.ReportGenerated(logger, kind.ToString(), period, stopwatch.ElapsedMilliseconds);
        return document;
    }
}
