using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy;

// Ids and counts only: summaries may quote names or example questions.
internal static partial class TaxonomyLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Taxonomy change {ChangeId} proposed ({Kind})")]
    public static partial void Proposed(ILogger logger, long changeId, TaxonomyChangeKind kind);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Taxonomy changes {ChangeIds} approved; published version {Number}")]
    public static partial void Approved(ILogger logger, string changeIds, int number);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Taxonomy change {ChangeId} rejected")]
    public static partial void Rejected(ILogger logger, long changeId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Approval of taxonomy changes {ChangeIds} failed with a conflict")]
    public static partial void ApprovalConflict(ILogger logger, string changeIds);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Taxonomy import proposed {Count} changes ({Skipped} already pending)")]
    public static partial void Imported(ILogger logger, int count, int skipped);
}
