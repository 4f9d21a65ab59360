using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

public static class JudgeJobKinds
{
    /// <summary>The LLM judge over one period's grading sample.</summary>
    public const string Run = "metrics.judge";
}

public sealed class JudgeJobPayload
{
    public string Period { get; set; } = "";
}

/// <summary>Queues the LLM judge for a period, after checking who asks, that an LLM is configured and that the period has a sample.</summary>
public sealed class JudgeJobService(JobQueue jobs, AnswerJudge judge, PuoDbContext db)
{
    public bool IsAvailable => judge.IsAvailable;

    public async Task<(BackgroundJob Job, bool Created)> QueueAsync(string period, Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsInAnyRole(Roles.Reviewer, Roles.Admin))
            throw new ForbiddenException(CodedMessage.Of(MetricsRefusal.JudgeNeedsRole));
        if (!judge.IsAvailable)
            throw new ValidationException("period", CodedMessage.Of(MetricsRefusal.JudgeNeedsLlm, AiOptions.SectionName));
        var normalised = Normalise(period);
        if (!await db.GradingAssignments.AnyAsync(a => a.Period == normalised, ct))
            throw new ValidationException("period", CodedMessage.Of(MetricsRefusal.NoSample, normalised));
        return await jobs.EnqueueAsync(JudgeJobKinds.Run, new JudgeJobPayload { Period = normalised }, actor, single: true, ct);
    }

    /// <summary>"2026-W49" as the sample stores it; anything else is a clear refusal.</summary>
    public static string Normalise(string period)
    {
        try { return ReportingCalendar.IsoWeekOf(ReportingCalendar.ParseIsoWeek(period.Trim())); }
        catch (FormatException) { throw new ValidationException("period", CodedMessage.Of(MetricsRefusal.NotAWeek, period.Trim())); }
    }
}

internal sealed class JudgeJobHandler(AnswerJudge judge) : IJobHandler
{
    public string Kind => JudgeJobKinds.Run;

    public async Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var payload = JobQueue.PayloadOf<JudgeJobPayload>(job);
        // An unusable LLM (AiUnavailableException) fails the job with its own code, stored by the runner.
        var result = await judge.RunAsync(payload.Period, progress, ct);
        return new JobOutcome(JsonSerializer.Serialize(result, JobQueue.Json),
            CodedMessage.Of(MetricsJobMessage.Judged, result.Period, result.Graded, result.Malformed, result.Failed, result.AlreadyJudged));
    }
}
