using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Classification.Llm;

/// <summary>LLM classifier events: reasons only, never the question or the model's answer.</summary>
internal static partial class LlmLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Warning, Message = "LLM classification call failed: {Reason}")]
    public static partial void CallFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "LLM answer rejected: {Reason}")]
    public static partial void InvalidAnswer(ILogger logger, string reason);
}
