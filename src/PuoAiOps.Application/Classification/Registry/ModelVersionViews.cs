using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>One row of the versions table: no blob, the metrics reduced to headline numbers.</summary>
public sealed record ModelVersionSummary(
    long Id,
    ModelKind Kind,
    string Name,
    string DataHash,
    int LabelCount,
    string TrainedBy,
    DateTime TrainedAt,
    bool IsServing,
    DateTime? PromotedAt,
    string? PromotedBy,
    int TrainCount,
    int TestCount,
    double Accuracy,
    double MacroF1,
    double? OutOfScopeRecall,
    double Coverage,
    int BlobBytes,
    bool IsDemo);

/// <summary>A version with its full evaluation and settings.</summary>
public sealed record ModelVersionDetail(ModelVersionSummary Summary, IReadOnlyList<string> Labels, ModelSettings Settings, EvaluationReport Report);

/// <summary>Versions in a comparison: A is the baseline, deltas are B − A.</summary>
public sealed record ModelComparison(ModelVersionDetail A, ModelVersionDetail B, IReadOnlyList<LabelDelta> PerLabel, bool SameData);

/// <summary>One label in a comparison; metrics are null where the label did not occur in that version's test part.</summary>
public sealed record LabelDelta(string Label, LabelMetrics? A, LabelMetrics? B)
{
    public double? F1Delta => A is null || B is null ? null : B.F1 - A.F1;
    public double? PrecisionDelta => A is null || B is null ? null : B.Precision - A.Precision;
    public double? RecallDelta => A is null || B is null ? null : B.Recall - A.Recall;
}
