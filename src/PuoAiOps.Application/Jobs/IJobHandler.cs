using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

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
    /// <param name="message">Short, user-facing, as a code the console words in the reader's language; no personal data.</param>
    Task ReportAsync(double fraction, CodedMessage message, CancellationToken ct = default);
}

/// <summary>What a finished job hands back: a JSON result for callers and a coded line for people.</summary>
public sealed record JobOutcome(string? ResultJson, CodedMessage Message);

/// <summary>
/// A job failed in a way worth telling its owner: stored with the job as its code and arguments (shown in
/// the reader's language, never a stack trace); the English wording is the exception's message.
/// </summary>
public sealed class JobFailedException(CodedMessage message, Exception? inner = null) : Exception(message.English, inner)
{
    public CodedMessage Code { get; } = message;
}
