using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Classification;

/// <summary>Classifier events: ids, counts and timings only.</summary>
internal static partial class ClassificationLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Model version {VersionId} ({Kind}) stored: accuracy {Accuracy:P1}, macro-F1 {MacroF1:P1} on {Test} test questions")]
    public static partial void VersionStored(ILogger logger, long versionId, string kind, double accuracy, double macroF1, int test);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Model version {VersionId} promoted to serving (previously {PreviousId})")]
    public static partial void Promoted(ILogger logger, long versionId, long? previousId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Serving classifier switched to version {VersionId} (load {Milliseconds:F0} ms)")]
    public static partial void ServingLoaded(ILogger logger, long? versionId, double milliseconds);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Error, Message = "Serving version {VersionId} could not be loaded; keeping the previous one")]
    public static partial void ServingLoadFailed(ILogger logger, long versionId, Exception exception);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Batch classification by version {VersionId}: {Questions} questions in {Milliseconds:F0} ms")]
    public static partial void BatchClassified(ILogger logger, long versionId, int questions, double milliseconds);
}
