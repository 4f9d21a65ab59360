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
/// <param name="CreatedBy">The display name of who queued it; null when the job came from the command line or its user is gone (<see cref="From"/>).</param>
public sealed record JobView(long Id, string Title, JobStatus Status, double Progress, string? Message, string? CreatedBy,
    DateTime CreatedAt, DateTime? FinishedAt, long? VersionId, string Kind = "", CodedMessage? Code = null, JobRequester From = JobRequester.Person)
{
    public bool IsActive => Status is JobStatus.Queued or JobStatus.Running;
}

/// <summary>Who queued a job, for the page to word when there is no name to show.</summary>
public enum JobRequester
{
    /// <summary>A console user whose name is <see cref="JobView.CreatedBy"/>.</summary>
    Person,
    /// <summary>A console user who no longer exists.</summary>
    FormerUser,
    /// <summary>The command line (no user).</summary>
    CommandLine,
}

/// <summary>The recent classifier jobs with the names of the people who queued them.</summary>
public sealed class ClassifierJobViews(ClassifierJobService jobs, PuoDbContext db)
{
    public async Task<IReadOnlyList<JobView>> RecentAsync(CancellationToken ct)
    {
        var recent = await jobs.RecentAsync(6, ct);
        var ids = recent.Select(j => j.CreatedById).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return recent.Select(j =>
        {
            var name = j.CreatedById is { } id ? names.GetValueOrDefault(id) : null;
            var from = j.CreatedById is null ? JobRequester.CommandLine : name is null ? JobRequester.FormerUser : JobRequester.Person;
            return new JobView(j.Id, ClassifierJobKinds.Describe(j.Kind), j.Status, j.Progress, j.Message, name,
                DateTime.SpecifyKind(j.CreatedAt, DateTimeKind.Utc), j.FinishedAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null,
                VersionOf(j), j.Kind, JobSnapshot.CodeOf(j), from);
        }).ToList();
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
