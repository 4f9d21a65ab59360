using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>Annotation events. Ids only: no question text, labels' notes or user names reach the log.</summary>
internal static partial class AnnotationLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Annotation batch {BatchId} created with {Items} items ({Gold} gold)")]
    public static partial void BatchCreated(ILogger logger, long batchId, int items, int gold);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Annotation item {ItemId} resolved as {Status}")]
    public static partial void ItemResolved(ILogger logger, long itemId, ItemStatus status);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "No lease could be taken in batch {BatchId} after {Attempts} contended attempts")]
    public static partial void LeaseContention(ILogger logger, long batchId, int attempts);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Annotation item {ItemId} adjudicated")]
    public static partial void Adjudicated(ILogger logger, long itemId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Label export wrote {Rows} rows ({Test} test) in {Format}")]
    public static partial void Exported(ILogger logger, int rows, int test, string format);
}
