namespace PuoAiOps.Core.Classification;

/// <summary>One evaluated question: its true label, the final prediction, the best in-model class and its confidence.</summary>
public sealed record IntentOutcome(string Truth, string Predicted, string TopClass, float Confidence);

/// <summary>Precision, recall and F1 of one label, with its support (true occurrences).</summary>
public sealed record IntentMetrics(string Label, double Precision, double Recall, double F1, int Support, int Predicted);

/// <summary>How often questions of <see cref="Truth"/> were predicted as <see cref="Predicted"/>.</summary>
public sealed record ConfusionPair(string Truth, string Predicted, int Count);

/// <summary>Questions whose confidence falls in [<see cref="Lower"/>, <see cref="Upper"/>), and how many of them the top class got right.</summary>
public sealed record ConfidenceBin(double Lower, double Upper, int Count, int Correct, double MeanConfidence)
{
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;
}

/// <summary>At this threshold: the share of questions answered (not out of scope) and the accuracy of those answers.</summary>
public sealed record CoveragePoint(double Threshold, double Coverage, double Accuracy);

/// <summary>Everything <see cref="IntentEvaluator"/> measures on a labelled test set.</summary>
public sealed record IntentEvaluation(
    int Examples,
    double Accuracy,
    double MacroF1,
    double? InScopeAccuracy,
    double? OutOfScopeRecall,
    double? OutOfScopePrecision,
    IReadOnlyList<IntentMetrics> PerIntent,
    IReadOnlyList<string> ConfusionLabels,
    int[][] Confusion,
    IReadOnlyList<ConfusionPair> WorstPairs,
    IReadOnlyList<ConfidenceBin> ConfidenceBins,
    double ExpectedCalibrationError,
    IReadOnlyList<CoveragePoint> CoverageCurve);
