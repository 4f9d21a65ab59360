using System.Text.Json.Serialization;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// A data review report's figures, stored as JSON and rendered on demand (Markdown in English or
/// Chinese, or CSV). Everything in it is already redacted: question texts come from redacted turns.
/// </summary>
public sealed record ReportDocument(
    ReportKind Kind,
    string Period,
    DateOnly FirstDay,
    DateOnly LastDay,
    string DefinitionsVersion,
    string TimeZone,
    DateTime GeneratedAt,
    IReadOnlyList<IndicatorView> Indicators,
    IReadOnlyList<BreakdownRow> TopFailingIntents,
    IReadOnlyList<NearMissQuestion> NearMisses,
    EscalationSummary Escalations,
    IReadOnlyList<SopGap> SopGaps,
    AnnotationProgress Annotation,
    IReadOnlyList<AnomalyAlert> Alerts);

/// <summary>A question the classifier nearly placed: confidence just under the coverage threshold.</summary>
public sealed record NearMissQuestion(long ConversationId, string Text, string? IntentKey, double Confidence);

public sealed record EscalationSummary(long Total, long StillOpen, IReadOnlyList<ReasonCount> ByReason);

/// <summary>
/// Escalations of one reason: its English (what the CLI and old stored reports have) and, since reasons have codes,
/// the reason as a code and its arguments (CodedMessageJson) for the console and the Chinese download to word.
/// Reasons that differ only by a confidence count as one (<c>EscalationReasons.Group</c>).
/// </summary>
public sealed record ReasonCount(string Reason, long Count, string? ReasonCode = null, string? ReasonArgs = null)
{
    /// <summary>The reason as a code; null in a report stored before reasons had codes, or for an escalation stored without one.</summary>
    [JsonIgnore] public CodedMessage? Code => MessageCodes.Read(ReasonCode, ReasonArgs);
}

/// <summary>An intent the bot answered without an approved script or SOP (generated text or the fallback).</summary>
public sealed record SopGap(string IntentKey, string Label, string LabelZh, long Conversations, long Unsupported, double Share);

/// <summary>Answer grading of the period's week and the annotation batches still open.</summary>
public sealed record AnnotationProgress(
    string GradingWeek, long SampleSize, long Graded, long DoubleGradedPairs, double? GradingKappa,
    long OpenBatchItems, long OpenBatchItemsDone);
