namespace PuoAiOps.Application.Classification.Evaluation;

/// <summary>
/// How a model version did on its held-out test questions; stored as <c>ModelVersion.Metrics</c> (JSON).
/// Accuracy counts a question correct when the decision (an intent, or out of scope) equals its final
/// label. Macro-F1 averages F1 over every label that occurs in the truth or the predictions.
/// </summary>
public sealed record EvaluationReport
{
    public int TrainCount { get; init; }
    public int ValidationCount { get; init; }
    public int TestCount { get; init; }
    public double Accuracy { get; init; }
    public double MacroF1 { get; init; }
    public double WeightedF1 { get; init; }

    /// <summary>Share of truly out-of-scope test questions the model rejected; null without any.</summary>
    public double? OutOfScopeRecall { get; init; }

    /// <summary>Share of rejected test questions that were truly out of scope; null when nothing was rejected.</summary>
    public double? OutOfScopePrecision { get; init; }

    /// <summary>The confidence threshold the model decides with (0 = none).</summary>
    public double Threshold { get; init; }

    /// <summary>Share of test questions answered with an intent at <see cref="Threshold"/>.</summary>
    public double Coverage { get; init; }

    /// <summary>Of those answered with an intent, the share answered correctly.</summary>
    public double AnsweredAccuracy { get; init; }

    /// <summary>Answers that failed (LLM call or answer invalid) and fell back to out of scope.</summary>
    public int Failures { get; init; }

    public IReadOnlyList<LabelMetrics> PerLabel { get; init; } = [];
    public ConfusionMatrix Confusion { get; init; } = new([], []);
    public IReadOnlyList<ConfusedLabels> WorstPairs { get; init; } = [];
    public IReadOnlyList<ConfidenceBin> Histogram { get; init; } = [];
    public IReadOnlyList<CoveragePoint> Curve { get; init; } = [];

    /// <summary>Training examples per label (offline models).</summary>
    public IReadOnlyDictionary<string, int> TrainingLabelCounts { get; init; } = new Dictionary<string, int>();

    public double TrainSeconds { get; init; }
    public double EvaluateSeconds { get; init; }
    public LlmUsage? Usage { get; init; }
    public CrossValidationResult? CrossValidation { get; init; }
}

public sealed record LabelMetrics(string Label, double Precision, double Recall, double F1, int Support, int Predicted);

/// <summary>Rows are true labels, columns predicted labels, both in <see cref="Labels"/> order.</summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Labels, IReadOnlyList<int[]> Counts);

/// <summary>Questions of <see cref="Truth"/> decided as <see cref="Predicted"/>; share of the truth label's support.</summary>
public sealed record ConfusedLabels(string Truth, string Predicted, int Count, double Share);

/// <summary>Test questions whose top confidence fell in [From, To), split by whether the decision was right.</summary>
public sealed record ConfidenceBin(double From, double To, int Correct, int Incorrect);

/// <summary>At this threshold: share answered with an intent, and how many of those were right.</summary>
public sealed record CoveragePoint(double Threshold, double Coverage, double Accuracy);

/// <summary>What evaluating an LLM classifier cost.</summary>
public sealed record LlmUsage(int Calls, long InputTokens, long OutputTokens, decimal? EstimatedCost, double MeanLatencyMs, double P95LatencyMs);

/// <summary>k-fold cross-validation of a version's settings on the labeled data of the moment.</summary>
public sealed record CrossValidationResult(int Folds, string DataHash, int Examples, IReadOnlyList<FoldScore> Scores, DateTime At)
{
    public double MeanAccuracy => Scores.Count == 0 ? 0 : Scores.Average(s => s.Accuracy);
    public double MeanMacroF1 => Scores.Count == 0 ? 0 : Scores.Average(s => s.MacroF1);
    public double SdAccuracy => Sd(Scores.Select(s => s.Accuracy));
    public double SdMacroF1 => Sd(Scores.Select(s => s.MacroF1));

    private static double Sd(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count < 2) return 0;
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }
}

public sealed record FoldScore(int Fold, int Test, double Accuracy, double MacroF1);
