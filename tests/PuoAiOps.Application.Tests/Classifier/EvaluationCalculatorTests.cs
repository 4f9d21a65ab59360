using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;

namespace PuoAiOps.Application.Tests.Classifier;

public sealed class EvaluationCalculatorTests
{
    private static ClassifierOutput Out(string label, float confidence, string? top = null) => new(label, top ?? label, confidence);

    [Fact]
    public void Evaluate_ComputesAccuracyF1ConfusionAndOutOfScopeRates()
    {
        string[] truth = ["a", "a", "a", "b", "b", "oos", "oos"];
        ClassifierOutput[] outputs =
        [
            Out("a", 0.9f), Out("a", 0.8f), Out("b", 0.6f),
            Out("b", 0.95f), Out("oos", 0.3f, top: "b"),
            Out("oos", 0.2f, top: "a"), Out("a", 0.7f),
        ];
        var report = EvaluationCalculator.Evaluate(truth, outputs, "oos", threshold: 0.5);

        Assert.Equal(4.0 / 7, report.Accuracy, 10);
        var a = report.PerLabel.Single(m => m.Label == "a");
        Assert.Equal((2.0 / 3, 2.0 / 3, 3, 3), (a.Precision, a.Recall, a.Support, a.Predicted));
        var b = report.PerLabel.Single(m => m.Label == "b");
        Assert.Equal((0.5, 0.5), (b.Precision, b.Recall));
        var oos = report.PerLabel.Single(m => m.Label == "oos");
        Assert.Equal(0.5, report.OutOfScopeRecall);
        Assert.Equal(0.5, report.OutOfScopePrecision);
        Assert.Equal((2.0 / 3 + 0.5 + 0.5) / 3, report.MacroF1, 10);
        Assert.Equal(0.5, oos.F1, 10);

        Assert.Equal(["a", "b", "oos"], report.Confusion.Labels);
        Assert.Equal([2, 1, 0], report.Confusion.Counts[0]);
        // Every confusion happened once; the larger share of its true label ranks first.
        Assert.Equal(new ConfusedLabels("b", "oos", 1, 0.5), report.WorstPairs[0]);
        Assert.Equal(3, report.WorstPairs.Count);

        // At 0.5: five answered with an intent (0.9, 0.8, 0.6, 0.95, 0.7), three of them right.
        Assert.Equal(5.0 / 7, report.Coverage, 10);
        Assert.Equal(3.0 / 5, report.AnsweredAccuracy, 10);
        var curve = report.Curve;
        Assert.Equal(0, curve[0].Threshold);
        Assert.Equal(1.0, curve[0].Coverage, 10);
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.First.Coverage >= p.Second.Coverage), "coverage falls as the threshold rises");
        Assert.Equal(7, report.Histogram.Sum(h => h.Correct + h.Incorrect));
        Assert.Equal(2, report.Histogram[9].Correct); // 0.9 and 0.95
    }

    [Fact]
    public void Evaluate_CountsFailuresAsOutOfScopeWithoutConfidence()
    {
        var report = EvaluationCalculator.Evaluate(["a", "oos"], [ClassifierOutput.Failure("oos"), ClassifierOutput.Failure("oos")], "oos", 0);
        Assert.Equal(2, report.Failures);
        Assert.Equal(0.5, report.Accuracy);
        Assert.Equal(0, report.Coverage);
        Assert.Equal(0, report.Histogram.Sum(h => h.Correct + h.Incorrect));
        Assert.Null(EvaluationCalculator.Evaluate(["a"], [Out("a", 1)], "oos", 0).OutOfScopeRecall);
    }
}
