namespace PuoAiOps.Application.Jobs;

/// <summary>
/// Job events of this process, for pages that follow a job live. Only jobs run by this instance's
/// <see cref="JobRunner"/> are seen: a page on another instance reads the job row once and then sees
/// nothing until the next event from its own runner or a refresh (docs/architecture.md).
/// </summary>
public interface IJobEvents
{
    /// <summary>
    /// Calls <paramref name="handler"/> for each event of job <paramref name="jobId"/> (every job when
    /// null), one call at a time and in order, on a thread of its own (never the runner's). Events
    /// arriving faster than the handler keeps up with are dropped oldest-first (a job's final event
    /// is its last one, so it is kept). Dispose the result to stop; a component does so in its Dispose.
    /// </summary>
    IDisposable Subscribe(long? jobId, Func<JobEvent, Task> handler);
}
