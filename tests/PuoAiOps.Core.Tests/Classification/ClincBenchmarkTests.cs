using PuoAiOps.Core.Classification;

namespace PuoAiOps.Core.Tests.Classification;

/// <summary>The real data set (../shared/data/clinc150): trains once, checks floors well under the benchmarked figures.</summary>
public class ClincBenchmarkTests
{
    [Fact]
    public void Clinc150_TrainOnTrainTuneOnVal_MeetsAccuracyFloorsAndIsCalibrated()
    {
        var dir = Requirements.SharedData("clinc150");
        var train = Read(Path.Combine(dir, "train.csv"));
        var val = Read(Path.Combine(dir, "val.csv"));
        var test = Read(Path.Combine(dir, "test.csv"));

        var model = IntentTrainer.Train(train, val, new TrainerOptions(), TestContext.Current.CancellationToken).Model;
        var e = IntentEvaluator.Evaluate(model, test);

        Assert.Equal(151, model.Labels.Count);
        // Unknown vocabulary must lower the confidence: that is what lifts out-of-scope recall over the plain score.
        Assert.True(model.Calibration.Confidence?.KnownShareWeight > 0, $"{model.Calibration}");
        Assert.True(e.InScopeAccuracy >= 0.90, $"in-scope accuracy {e.InScopeAccuracy:P2}");
        Assert.True(e.OutOfScopeRecall >= 0.60, $"out-of-scope recall {e.OutOfScopeRecall:P2}");

        // Calibration on in-scope questions: the test set has six times the validation set's share of
        // out-of-scope questions, a prior shift that no temperature fitted on validation can anticipate.
        var inScope = IntentEvaluator.Evaluate(model, test.Where(t => t.Label != "oos").ToArray());
        Assert.True(inScope.ExpectedCalibrationError <= 0.05, $"ECE {inScope.ExpectedCalibrationError:F3}");
        foreach (var bin in inScope.ConfidenceBins.Where(b => b.Count >= 100))
            Assert.True(Math.Abs(bin.Accuracy - bin.MeanConfidence) <= 0.12, $"bin {bin.Lower:F1}: accuracy {bin.Accuracy:F3} vs confidence {bin.MeanConfidence:F3}");
        Assert.True(model.ToBytes().Length <= 20_000_000);
    }

    private static IReadOnlyList<LabeledText> Read(string path)
    {
        using var reader = new StreamReader(path);
        return IntentDataReader.ReadCsv(reader, path);
    }
}
