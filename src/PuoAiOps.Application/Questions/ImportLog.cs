using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Questions;

/// <summary>Import log lines: counts and ids only, never row content.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Import run {RunId} started ({Format})")]
    public static partial void Started(ILogger logger, long runId, string format);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Import run {RunId} finished: {Imported} imported, {Duplicates} duplicates, {Rejected} rejected in {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, long runId, long imported, long duplicates, long rejected, long elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Import run {RunId} stopped after {Imported} rows: {Reason}")]
    public static partial void Stopped(ILogger logger, long runId, long imported, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Custom PII patterns updated: {Count} patterns")]
    public static partial void PatternsUpdated(ILogger logger, int count);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Search index caught up: {Indexed} questions indexed in {ElapsedMs} ms")]
    public static partial void SearchCaughtUp(ILogger logger, long indexed, long elapsedMs);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Search index catch-up failed; searches scan the questions not indexed yet until the next attempt")]
    public static partial void SearchCatchUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug,
        Message = "Import run {RunId} batch {Batch}: {Rows} rows, {Imported} imported so far; insert {InsertMs} ms ({InsertCpuMs} ms CPU), " +
                  "commit {CommitMs} ms ({CommitCpuMs} ms CPU), checkpoint {CheckpointMs} ms ({CheckpointCpuMs} ms CPU); " +
                  "pages written {PagesWritten}, read {PagesRead} so far; waited {WaitedMs} ms for the batch")]
    public static partial void BatchWritten(ILogger logger, long runId, int batch, int rows, long imported, long insertMs, long insertCpuMs,
        long commitMs, long commitCpuMs, long checkpointMs, long checkpointCpuMs, long pagesWritten, long pagesRead, long waitedMs);
}
