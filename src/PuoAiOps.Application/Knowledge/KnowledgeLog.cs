using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Knowledge;

internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Ingested SOP {Slug} ({Locale}) revision {Revision}: {Added} chunk(s) indexed, {Removed} removed")]
    public static partial void Ingested(ILogger logger, string slug, string locale, int revision, int added, int removed);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "SOP {Slug} was saved but the search indexes were not updated; run a reindex")]
    public static partial void IndexUpdateFailed(ILogger logger, string slug, Exception exception);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Knowledge indexes rebuilt: {Chunks} chunk(s), {Embedded} vector(s) computed, in {Seconds:0.0} s")]
    public static partial void Reindexed(ILogger logger, int chunks, int embedded, double seconds);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Knowledge indexes could not be built at start")]
    public static partial void StartupIndexFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Information, Message = "SOP document {DocumentId} ({Slug}): {Change} by {Actor}")]
    public static partial void DocumentChanged(ILogger logger, long documentId, string slug, string change, string actor);
}
