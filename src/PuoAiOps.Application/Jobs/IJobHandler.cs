using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Jobs;

/// <summary>
/// Runs one kind of <see cref="BackgroundJob"/>. Resolved from a fresh DI scope per job, so a handler
/// may take the scoped DbContext. It must tolerate being run again from the start: when an instance
/// dies mid-job, another one takes the expired lease over.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct);
}

/// <summary>How far a job is; written to the job row (throttled) so every instance's page can show it.</summary>
public interface IJobProgress
{
    /// <param name="fraction">Done share, 0–1.</param>
    /// <param name="message">Short, user-facing; no personal data.</param>
    Task ReportAsync(double fraction, string message, CancellationToken ct = default);
}

/// <summary>What a finished job hands back: a JSON result for callers and a line for people.</summary>
public sealed record JobOutcome(string? ResultJson, string Message);

/// <summary>A job failed in a way worth telling its owner (shown as the job's message, never a stack trace).</summary>
public sealed class JobFailedException(string message, Exception? inner = null) : Exception(message, inner);
