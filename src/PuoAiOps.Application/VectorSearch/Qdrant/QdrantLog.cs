using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.VectorSearch.Qdrant;

internal static partial class QdrantLog
{
    [LoggerMessage(EventId = 1451, Level = LogLevel.Information, Message = "Qdrant collection {Collection} created ({Dimensions}-dimension dense and IDF sparse vectors, payload indexes)")]
    public static partial void CollectionCreated(ILogger logger, string collection, int dimensions);
}
