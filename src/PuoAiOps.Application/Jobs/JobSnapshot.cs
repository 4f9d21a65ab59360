using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Jobs;

/// <summary>
/// A job's state as its row says, for a page that starts following it: the row is written by whichever
/// instance runs the job, so this is right even when the live events come from another process.
/// </summary>
/// <param name="Message">The line in English (the CLI's; what a page shows for a row written before codes).</param>
/// <param name="Code">The line as a code, which pages word in the reader's language; null for old rows.</param>
public sealed record JobSnapshot(long Id, string Kind, JobStatus Status, double Progress, string? Message, CodedMessage? Code = null)
{
    public bool IsActive => Status is JobStatus.Queued or JobStatus.Running;

    public static JobSnapshot Of(BackgroundJob job) =>
        new(job.Id, job.Kind, job.Status, job.Progress, job.Message, CodeOf(job));

    /// <summary>
    /// A row's line as a code; null for a row stored before codes and for one stored as <see cref="JobMessage.AsWritten"/>
    /// (an English sentence, no code inside), so pages show its English marked <c>lang="en"</c>.
    /// </summary>
    public static CodedMessage? CodeOf(BackgroundJob job) =>
        MessageCodes.Read(job.MessageCode, job.MessageArgs) is { } code && !code.Code.Equals(JobMessage.AsWritten) ? code : null;

    /// <summary>The state after <paramref name="e"/> (events are newer than any row read before them).</summary>
    public JobSnapshot With(JobEvent e) => this with
    {
        Status = e.Type switch
        {
            JobEventType.Succeeded => JobStatus.Succeeded,
            JobEventType.Failed => JobStatus.Failed,
            _ => JobStatus.Running,
        },
        Progress = e.Progress,
        Message = e.Message?.English ?? Message,
        Code = e.Message ?? Code,
    };
}
