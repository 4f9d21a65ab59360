using PuoAiOps.Core.Annotation;

namespace PuoAiOps.Application.Annotation;

/// <summary>Agreement and annotator quality for one batch.</summary>
public sealed record BatchQualityReport(long BatchId, string BatchName, int LabelsPerItem, int Items, int Labels,
    AgreementSummary Agreement, IReadOnlyList<IntentAgreement> PerIntent, IReadOnlyList<ConfusedIntents> MostConfused,
    IReadOnlyList<AnnotatorQuality> Annotators);

/// <summary>
/// Whole-batch agreement. <see cref="PercentAgreement"/> and <see cref="Krippendorff"/> use every item
/// with two or more labels; <see cref="Fleiss"/> only items with the batch's full label count;
/// <see cref="MeanCohensKappa"/> is the unweighted mean of the pairwise κs that are defined (Light's κ).
/// </summary>
public sealed record AgreementSummary(double? PercentAgreement, double? MeanCohensKappa, IReadOnlyList<AnnotatorPairKappa> AnnotatorPairs,
    KappaResult Fleiss, AlphaResult Krippendorff);

/// <summary>Cohen's κ of two annotators over the items both labeled.</summary>
public sealed record AnnotatorPairKappa(string First, string Second, int Items, double ObservedAgreement, double? Kappa);

/// <summary>
/// Agreement on one intent, each label read as "this intent or not". <see cref="SpecificAgreement"/> is
/// positive specific agreement: when one annotator chose the intent, how often another did too.
/// </summary>
public sealed record IntentAgreement(IntentRef Intent, int Labels, int Items, double? SpecificAgreement, double? MeanCohensKappa,
    double? FleissKappa, double? KrippendorffAlpha);

public sealed record ConfusedIntents(IntentRef First, IntentRef Second, long Count);

/// <summary>
/// One annotator's numbers. <see cref="Gold"/>: answers on hidden gold items matching the gold label.
/// <see cref="FinalLabel"/>: answers on settled non-gold items (consensus or adjudicated) matching the final label.
/// </summary>
public sealed record AnnotatorQuality(string UserId, string DisplayName, int Labels, int Skips, double? ItemsPerHour,
    MatchRate Gold, MatchRate FinalLabel);
