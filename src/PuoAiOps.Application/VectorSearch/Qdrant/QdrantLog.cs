using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.VectorSearch.Qdrant;

internal static partial class QdrantLog
{
    [LoggerMessage(EventId = 1451, Level = LogLevel.Information, Message = "Qdrant collection {Collection} created ({Dimensions}-dimension dense and IDF sparse vectors, payload indexes)")]
    public static partial void CollectionCreated(ILogger logger, string collection, int dimensions);

    [LoggerMessage(EventId = 1452, Level = LogLevel.Warning, Message = "Vector index unavailable: search falls back to the keyword index")]
    public static partial void SearchFellBack(ILogger logger, Exception exception);
}
