using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Scripts;

// Ids and counts only: script bodies may quote customers.
internal static partial class ScriptLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Script {ScriptId} version {Number} saved ({Errors} lint errors)")]
    public static partial void Saved(ILogger logger, long scriptId, int number, int errors);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Script {ScriptId} draft save conflicted; nothing written")]
    public static partial void SaveConflict(ILogger logger, long scriptId);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Script version {VersionId} moved to {Status}")]
    public static partial void StatusChanged(ILogger logger, long versionId, string status);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Script import: {Created} scripts created, {Drafts} drafts saved")]
    public static partial void Imported(ILogger logger, int created, int drafts);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "Script {ScriptId} handed to a new owner")]
    public static partial void OwnerChanged(ILogger logger, long scriptId);
}
