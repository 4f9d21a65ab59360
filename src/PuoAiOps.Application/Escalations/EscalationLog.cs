using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Escalations;

/// <summary>Ids, actions and versions only: never the conversation text or the resolution note.</summary>
internal static partial class EscalationLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Escalation {EscalationId}: {Action}, now version {Version}")]
    public static partial void Changed(ILogger logger, long escalationId, string action, int version);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Escalation {EscalationId}: {Action} lost a race with another change; nothing written")]
    public static partial void Conflicted(ILogger logger, long escalationId, string action);
}
