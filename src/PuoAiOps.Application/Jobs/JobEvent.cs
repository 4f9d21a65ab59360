using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Jobs;

/// <summary>What happened to a job, as its runner saw it.</summary>
public enum JobEventType
{
    Started,
    Progress,
    Succeeded,
    Failed,
}

/// <summary>
/// One step of a running job, pushed to the pages of the instance that runs it (see <see cref="IJobEvents"/>).
/// The job row stays the source of truth: the same values are written to it, throttled.
/// </summary>
/// <param name="Progress">Done share, 0–1 (the last known value for Failed).</param>
/// <param name="Message">The job's user-facing line as a code (worded by each page in its reader's language); no personal data.</param>
public sealed record JobEvent(long JobId, string Kind, JobEventType Type, double Progress, CodedMessage? Message)
{
    public bool IsFinal => Type is JobEventType.Succeeded or JobEventType.Failed;
}
