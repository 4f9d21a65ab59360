using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Jobs;

internal static partial class JobLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) leased by {Instance}")]
    public static partial void Leased(ILogger logger, long jobId, string kind, string instance);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) succeeded in {Milliseconds:F0} ms")]
    public static partial void Succeeded(ILogger logger, long jobId, string kind, double milliseconds);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) failed: {Reason}")]
    public static partial void Failed(ILogger logger, long jobId, string kind, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) crashed (ref {Reference})")]
    public static partial void Crashed(ILogger logger, long jobId, string kind, string reference, Exception exception);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Job {JobId} lost its lease (taken over by another instance); stopping here")]
    public static partial void LeaseLost(ILogger logger, long jobId);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error, Message = "The job runner loop failed; retrying")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "No handler for job kind {Kind} (job {JobId})")]
    public static partial void NoHandler(ILogger logger, string kind, long jobId);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "Job {JobId}: progress could not be written ({Error}); retrying at the next beat")]
    public static partial void HeartbeatFailed(ILogger logger, long jobId, string error);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning, Message = "A page following job {JobId} failed to take an event ({Error}); it keeps its subscription")]
    public static partial void SubscriberFailed(ILogger logger, long jobId, string error);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) was refused without a code (ref {Reference}): {Reason}")]
    public static partial void RefusedWithoutCode(ILogger logger, long jobId, string kind, string reference, string reason);
}
