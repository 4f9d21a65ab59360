using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Demo;

internal static partial class DemoLog
{
    [LoggerMessage(1, LogLevel.Information, "Demo workspace already present; nothing seeded")]
    public static partial void AlreadySeeded(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Demo workspace seeded in {ElapsedMs} ms: {Intents} intents, {Questions} questions, {Conversations} conversations, {Turns} turns")]
    public static partial void Seeded(ILogger logger, long elapsedMs, int intents, int questions, int conversations, int turns);

    [LoggerMessage(3, LogLevel.Information, "Demo workspace removed in {ElapsedMs} ms: {Questions} questions, {Conversations} conversations, {Intents} intents")]
    public static partial void Removed(ILogger logger, long elapsedMs, int questions, int conversations, int intents);

    [LoggerMessage(4, LogLevel.Warning, "The demo SOPs were seeded but could not be indexed; run `puo kb reindex` or restart the console")]
    public static partial void IndexFailed(ILogger logger, Exception exception);
}
