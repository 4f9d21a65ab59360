using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Common;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Jobs;

/// <summary>A classifier job as the console shows it: what it does, who asked, how far it is, the version it made.</summary>
/// <param name="Message">The job's line in English (the CLI's; what a page shows for a row stored before codes).</param>
/// <param name="Code">The line as a code, which the console words in the reader's language.</param>
public sealed record JobView(long Id, string Title, JobStatus Status, double Progress, string? Message, string CreatedBy,
    DateTime CreatedAt, DateTime? FinishedAt, long? VersionId, string Kind = "", CodedMessage? Code = null)
{
    public bool IsActive => Status is JobStatus.Queued or JobStatus.Running;
}

/// <summary>The recent classifier jobs with the names of the people who queued them.</summary>
public sealed class ClassifierJobViews(ClassifierJobService jobs, PuoDbContext db)
{
    public async Task<IReadOnlyList<JobView>> RecentAsync(CancellationToken ct)
    {
        var recent = await jobs.RecentAsync(6, ct);
        var ids = recent.Select(j => j.CreatedById).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return recent.Select(j => new JobView(j.Id, ClassifierJobKinds.Describe(j.Kind), j.Status, j.Progress, j.Message,
            j.CreatedById is { } id ? names.GetValueOrDefault(id) ?? "someone" : "command line",
            DateTime.SpecifyKind(j.CreatedAt, DateTimeKind.Utc), j.FinishedAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null,
            VersionOf(j), j.Kind, MessageCodes.Read(j.MessageCode, j.MessageArgs))).ToList();
    }

    private static long? VersionOf(BackgroundJob job)
    {
        if (job.Status != JobStatus.Succeeded || string.IsNullOrEmpty(job.Result)) return null;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<VersionJobResult>(job.Result, JobQueue.Json)?.VersionId is > 0 and var id ? id : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
