using PuoAiOps.Core.Classification;

namespace PuoAiOps.Core.Tests.Classification;

public class IntentEvaluatorTests
{
    // truth / final prediction / top in-model class / confidence; index 3 was rejected by the threshold.
    private static readonly IntentOutcome[] Outcomes =
    [
        new("a", "a", "a", 0.95f),
        new("a", "b", "b", 0.55f),
        new("b", "b", "b", 0.85f),
        new("oos", "oos", "a", 0.20f),
        new("oos", "a", "a", 0.91f),
        new("b", "b", "b", 0.97f),
    ];

    [Fact]
    public void Evaluate_ComputesAccuracyMacroF1AndPerIntentMetrics()
    {
        var e = IntentEvaluator.Evaluate(Outcomes, "oos");
        Assert.Equal(6, e.Examples);
        Assert.Equal(4.0 / 6, e.Accuracy, 9);
        // a: P 1/2 R 1/2 F1 1/2; b: P 2/3 R 1 F1 0.8; oos: P 1 R 1/2 F1 2/3.
        Assert.Equal((0.5 + 0.8 + 2.0 / 3) / 3, e.MacroF1, 9);
        var b = e.PerIntent.Single(m => m.Label == "b");
        Assert.Equal(2.0 / 3, b.Precision, 9);
        Assert.Equal(1.0, b.Recall, 9);
        Assert.Equal(0.8, b.F1, 9);
        Assert.Equal(2, b.Support);
        Assert.Equal(3, b.Predicted);
    }

    [Fact]
    public void Evaluate_ComputesOutOfScopeFiguresAndInScopeAccuracy()
    {
        var e = IntentEvaluator.Evaluate(Outcomes, "oos");
        Assert.Equal(0.75, e.InScopeAccuracy);
        Assert.Equal(0.5, e.OutOfScopeRecall);
        Assert.Equal(1.0, e.OutOfScopePrecision);
    }

    [Fact]
    public void Evaluate_WithoutOutOfScopeTruth_LeavesThoseFiguresEmpty()
    {
        var e = IntentEvaluator.Evaluate(Outcomes.Where(o => o.Truth != "oos").ToArray(), "oos");
        Assert.Null(e.InScopeAccuracy);
        Assert.Null(e.OutOfScopeRecall);
        Assert.Null(e.OutOfScopePrecision);
    }

    [Fact]
    public void Evaluate_BuildsConfusionMatrixAndWorstPairs()
    {
        var e = IntentEvaluator.Evaluate(Outcomes, "oos");
        Assert.Equal(["a", "b", "oos"], e.ConfusionLabels);
        Assert.Equal([1, 1, 0], e.Confusion[0]);
        Assert.Equal([0, 2, 0], e.Confusion[1]);
        Assert.Equal([1, 0, 1], e.Confusion[2]);
        Assert.Equal([new ConfusionPair("a", "b", 1), new ConfusionPair("oos", "a", 1)], e.WorstPairs);
    }

    [Fact]
    public void Evaluate_BinsConfidenceAndComputesExpectedCalibrationError()
    {
        var e = IntentEvaluator.Evaluate(Outcomes, "oos");
        var top = e.ConfidenceBins[9];
        Assert.Equal((3, 2), (top.Count, top.Correct));
        Assert.Equal((0.95 + 0.91 + 0.97) / 3, top.MeanConfidence, 5);
        Assert.Equal((1, 0), (e.ConfidenceBins[5].Count, e.ConfidenceBins[5].Correct));
        Assert.Equal(6, e.ConfidenceBins.Sum(b => b.Count));
        var expected = 0.5 * Math.Abs(2.0 / 3 - (0.95 + 0.91 + 0.97) / 3) + (0.15 + 0.55 + 0.2) / 6;
        Assert.Equal(expected, e.ExpectedCalibrationError, 5);
    }

    [Fact]
    public void Evaluate_TracesCoverageAgainstAccuracyOverTheThreshold()
    {
        var e = IntentEvaluator.Evaluate(Outcomes, "oos");
        var atZero = e.CoverageCurve[0];
        Assert.Equal((1.0, 3.0 / 6), (atZero.Coverage, atZero.Accuracy));
        var atHalf = e.CoverageCurve.Single(p => Math.Abs(p.Threshold - 0.5) < 1e-9);
        Assert.Equal(5.0 / 6, atHalf.Coverage, 9);
        Assert.Equal(3.0 / 5, atHalf.Accuracy, 9);
        var atNinety = e.CoverageCurve.Single(p => Math.Abs(p.Threshold - 0.9) < 1e-9);
        Assert.Equal((0.5, 2.0 / 3), (atNinety.Coverage, atNinety.Accuracy));
    }
}
