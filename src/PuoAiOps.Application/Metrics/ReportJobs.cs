using System.Globalization;
using System.Text.Json;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Metrics;

public static class ReportJobKinds
{
    /// <summary>One report generated on demand (the schedule writes its reports itself).</summary>
    public const string Generate = "metrics.report";
}

/// <summary>What to generate: a daily report (Period "yyyy-MM-dd") or a weekly one ("YYYY-Www").</summary>
public sealed class ReportJobPayload
{
    public ReportKind Kind { get; set; }
    public string Period { get; set; } = "";
    public string RequestedBy { get; set; } = "";
}

public sealed record ReportJobResult(ReportKind Kind, string Period);

/// <summary>Queues report generation as a background job, after checking the period can be reported on.</summary>
public sealed class ReportJobService(JobQueue jobs, ReportService reports)
{
    public async Task<(BackgroundJob Job, bool Created)> QueueAsync(ReportKind kind, string period, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Curator) && !actor.IsInRole(Roles.Reviewer))
            throw new ForbiddenException(CodedMessage.Of(MetricsRefusal.ReportNeedsRole));
        var (normalised, _, _) = reports.CheckPeriod(kind, period);
        var payload = new ReportJobPayload { Kind = kind, Period = normalised, RequestedBy = actor.DisplayName };
        return await jobs.EnqueueAsync(ReportJobKinds.Generate, payload, actor, single: true, ct);
    }
}

internal sealed class ReportJobHandler(ReportService reports) : IJobHandler
{
    public string Kind => ReportJobKinds.Generate;

    public async Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var payload = JobQueue.PayloadOf<ReportJobPayload>(job);
        var by = string.IsNullOrWhiteSpace(payload.RequestedBy) ? "console" : payload.RequestedBy;
        // A refused period (ValidationException with its MetricsRefusal) fails the job with that code, stored by the runner.
        _ = payload.Kind == ReportKind.Daily
            ? await reports.GenerateDailyAsync(DateOnly.ParseExact(payload.Period, "yyyy-MM-dd", CultureInfo.InvariantCulture), by, progress, ct)
            : await reports.GenerateWeeklyAsync(payload.Period, by, progress, ct);
        var kind = CodedMessage.Of(payload.Kind == ReportKind.Daily ? MetricsJobMessage.Daily : MetricsJobMessage.Weekly);
        return new JobOutcome(JsonSerializer.Serialize(new ReportJobResult(payload.Kind, payload.Period), JobQueue.Json),
            CodedMessage.Of(MetricsJobMessage.ReportGenerated, kind, payload.Period));
    }
}
