using PuoAiOps.Application.Persistence.Entities;

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

public sealed record ReasonCount(string Reason, long Count);

/// <summary>An intent the bot answered without an approved script or SOP (generated text or the fallback).</summary>
public sealed record SopGap(string IntentKey, string Label, string LabelZh, long Conversations, long Unsupported, double Share);

/// <summary>Answer grading of the period's week and the annotation batches still open.</summary>
public sealed record AnnotationProgress(
    string GradingWeek, long SampleSize, long Graded, long DoubleGradedPairs, double? GradingKappa,
    long OpenBatchItems, long OpenBatchItemsDone);
