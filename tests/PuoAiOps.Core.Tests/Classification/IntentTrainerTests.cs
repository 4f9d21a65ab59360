using PuoAiOps.Core.Classification;

namespace PuoAiOps.Core.Tests.Classification;

public class IntentTrainerTests
{
    private static readonly TrainerOptions Options = new() { Seed = 7 };

    [Fact]
    public void Train_SameSeed_GivesIdenticalModelBytesForAnyThreadCount()
    {
        var train = SyntheticIntents.Generate(40, seed: 1, outOfScope: 30);
        var val = SyntheticIntents.Generate(10, seed: 2, outOfScope: 10);
        var first = IntentTrainer.Train(train, val, Options with { MaxThreads = 2 }, TestContext.Current.CancellationToken).Model.ToBytes();
        var second = IntentTrainer.Train(train, val, Options with { MaxThreads = 1 }, TestContext.Current.CancellationToken).Model.ToBytes();
        Assert.Equal(first, second);
        var otherSeed = IntentTrainer.Train(train, val, Options with { Seed = 8 }, TestContext.Current.CancellationToken).Model.ToBytes();
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Train_ManyIntents_SplitAcrossThreads_GiveTheSameModelBytesAsOneThread()
    {
        // 40 intents + oos are three blocks of 16 classes: with 2 or 3 threads they are solved concurrently.
        var train = SyntheticIntents.GenerateMany(40, perIntent: 12, seed: 21);
        train.AddRange(SyntheticIntents.Generate(0, seed: 22, outOfScope: 40));
        var val = SyntheticIntents.GenerateMany(40, perIntent: 3, seed: 23);
        val.AddRange(SyntheticIntents.Generate(0, seed: 24, outOfScope: 20));
        var ct = TestContext.Current.CancellationToken;
        var one = IntentTrainer.Train(train, val, Options with { MaxThreads = 1 }, ct).Model;
        Assert.Equal(41, one.Labels.Count);
        var bytes = one.ToBytes();
        Assert.Equal(bytes, IntentTrainer.Train(train, val, Options with { MaxThreads = 2 }, ct).Model.ToBytes());
        Assert.Equal(bytes, IntentTrainer.Train(train, val, Options with { MaxThreads = 3 }, ct).Model.ToBytes());
        // The same data in another order is another example order for the solver, but the data hash is the same.
        var reordered = train.AsEnumerable().Reverse().ToList();
        Assert.Equal(one.Info.DataHash, IntentTrainer.Train(reordered, val, Options, ct).Model.Info.DataHash);
    }

    [Fact]
    public void SaveLoad_RoundTripsBytesAndPredictions()
    {
        var model = IntentTrainer.Train(SyntheticIntents.Generate(30, seed: 3), null, Options, TestContext.Current.CancellationToken).Model;
        var bytes = model.ToBytes();
        var loaded = IntentModel.FromBytes(bytes);
        Assert.Equal(bytes, loaded.ToBytes());
        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Info, loaded.Info);
        Assert.Equal(model.Calibration, loaded.Calibration);
        foreach (var item in SyntheticIntents.Generate(5, seed: 4))
            Assert.Equal(model.Predict(item.Text).TopK, loaded.Predict(item.Text).TopK);

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        Assert.Equal(model.Predict("reset my password").Label, IntentModel.Load(stream).Predict("reset my password").Label);
    }

    [Fact]
    public void Load_DamagedOrForeignBytes_Throws()
    {
        var bytes = IntentTrainer.Train(SyntheticIntents.Generate(10, seed: 5), null, Options, TestContext.Current.CancellationToken).Model.ToBytes();
        bytes[bytes.Length / 2] ^= 0x40;
        Assert.Contains("damaged", Assert.Throws<InvalidDataException>(() => IntentModel.FromBytes(bytes)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => IntentModel.FromBytes(bytes[..100]));
        Assert.Throws<InvalidDataException>(() => IntentModel.FromBytes("text,label\n"u8.ToArray()));
    }

    [Fact]
    public void Predict_ClassifiesEnglishAndChineseQuestions()
    {
        var model = IntentTrainer.Train(SyntheticIntents.Generate(40, seed: 6), null, Options, TestContext.Current.CancellationToken).Model;
        Assert.Equal("password", model.Predict("I forgot my password and my account is locked").Label);
        var chinese = model.Predict("直播推流卡顿怎么办", topK: 2);
        Assert.Equal("zh_stream", chinese.Label);
        Assert.Equal(2, chinese.TopK.Count);
        Assert.Equal("zh_stream", chinese.TopK[0].Label);
        Assert.True(chinese.TopK[0].Probability >= chinese.TopK[1].Probability);
    }

    [Fact]
    public void Predict_ExplicitOutOfScopeClass_CatchesUnrelatedQuestions()
    {
        var train = SyntheticIntents.Generate(40, seed: 9, outOfScope: 60);
        var model = IntentTrainer.Train(train, null, Options with { FixedThreshold = 0f }, TestContext.Current.CancellationToken).Model;
        Assert.True(model.OutOfScopeClass >= 0);
        Assert.Equal(0f, model.Threshold);
        var unrelated = model.Predict("what is the weather for my holiday");
        Assert.Equal("oos", unrelated.Label);
        Assert.True(unrelated.IsOutOfScope);
        Assert.False(model.Predict("send coins from my wallet").IsOutOfScope);
    }

    [Fact]
    public void Train_TunesThresholdOnValidationOutOfScopeWithoutAnOutOfScopeClass()
    {
        var train = SyntheticIntents.Generate(40, seed: 10);
        var val = SyntheticIntents.Generate(10, seed: 11, outOfScope: 40);
        var result = IntentTrainer.Train(train, val, Options with { TargetOutOfScopeRecall = 0.8f }, TestContext.Current.CancellationToken);
        var model = result.Model;
        Assert.Equal(-1, model.OutOfScopeClass);
        Assert.True(model.Threshold > 0f);
        Assert.Equal("validation", result.Report.CalibrationSource);

        var oos = val.Where(v => v.Label == "oos").Select(v => model.Predict(v.Text)).ToArray();
        Assert.True(oos.Count(p => p.IsOutOfScope) >= 0.8 * oos.Length);
        Assert.All(oos.Where(p => p.IsOutOfScope), p => Assert.Equal("oos", p.Label));
        var evaluation = IntentEvaluator.Evaluate(model, SyntheticIntents.Generate(20, seed: 12, outOfScope: 50));
        Assert.True(evaluation.OutOfScopeRecall >= 0.6, $"oos recall {evaluation.OutOfScopeRecall}");
        Assert.True(evaluation.InScopeAccuracy >= 0.8, $"in-scope accuracy {evaluation.InScopeAccuracy}");
    }

    [Fact]
    public void Train_WithoutValidation_CalibratesOnAStratifiedHoldoutThenRefitsOnAll()
    {
        var train = SyntheticIntents.Generate(30, seed: 13);
        var result = IntentTrainer.Train(train, null, Options, TestContext.Current.CancellationToken);
        Assert.Equal("holdout, then refit on all data", result.Report.CalibrationSource);
        Assert.Equal(18, result.Report.CalibrationExamples); // 10% of 30 per label, 6 labels
        Assert.Equal(train.Count, result.Report.TrainingExamples);
        Assert.All(result.Report.Labels, l => Assert.Equal(30, l.Count));
        Assert.Equal(IntentTrainer.DataHash(train), result.Model.Info.DataHash);
        Assert.Equal(SyntheticIntents.Labels.Order(StringComparer.Ordinal), result.Model.Labels);

        var heldOut = IntentTrainer.Train(train, null, Options with { RefitOnAllData = false }, TestContext.Current.CancellationToken);
        Assert.Equal("holdout", heldOut.Report.CalibrationSource);
        Assert.Equal(train.Count - 18, heldOut.Report.TrainingExamples);
        Assert.All(heldOut.Report.Labels, l => Assert.Equal(27, l.Count));
    }

    [Fact]
    public void Train_ReportsAnOrderIndependentDataHash()
    {
        var train = SyntheticIntents.Generate(10, seed: 14);
        var shuffled = train.AsEnumerable().Reverse().ToList();
        Assert.Equal(IntentTrainer.DataHash(train), IntentTrainer.DataHash(shuffled));
        Assert.NotEqual(IntentTrainer.DataHash(train), IntentTrainer.DataHash(train.Skip(1).ToList()));
        var report = IntentTrainer.Train(train, train, Options, TestContext.Current.CancellationToken).Report;
        Assert.Equal(IntentTrainer.DataHash(train), report.DataHash);
    }

    [Fact]
    public void Train_RejectsASingleLabel()
    {
        var single = new[] { new LabeledText("a", "x"), new LabeledText("b", "x") };
        Assert.Throws<ArgumentException>(() => IntentTrainer.Train(single, null, Options, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Calibration_ConfidenceTracksAccuracyOnNoisyData()
    {
        // With 35% of keywords borrowed from other intents, many answers are wrong: confidence must say so.
        var train = SyntheticIntents.Generate(120, seed: 15, noise: 0.35);
        var val = SyntheticIntents.Generate(40, seed: 16, noise: 0.35);
        var model = IntentTrainer.Train(train, val, Options, TestContext.Current.CancellationToken).Model;
        var e = IntentEvaluator.Evaluate(model, SyntheticIntents.Generate(250, seed: 17, noise: 0.35));
        Assert.InRange(e.Accuracy, 0.6, 0.97);
        Assert.True(e.ExpectedCalibrationError < 0.08, $"ECE {e.ExpectedCalibrationError:F3}");
        // Bin by bin: among answers given with confidence around p, about p are right.
        var populated = e.ConfidenceBins.Where(b => b.Count >= 60).ToArray();
        Assert.True(populated.Length >= 3, $"only {populated.Length} confidence bins with 60+ questions");
        foreach (var bin in populated)
            Assert.True(Math.Abs(bin.Accuracy - bin.MeanConfidence) <= 0.1,
                $"bin {bin.Lower:F1}-{bin.Upper:F1} ({bin.Count}): accuracy {bin.Accuracy:F3} vs confidence {bin.MeanConfidence:F3}");
        Assert.True(populated[^1].Accuracy > populated[0].Accuracy, "higher confidence must mean more often right");
    }

    [Fact]
    public void CrossValidation_EvaluatesEveryItemOnceOutOfFold()
    {
        var data = SyntheticIntents.Generate(25, seed: 18);
        var folds = CrossValidation.StratifiedFolds(data, 5, seed: 1);
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal(30, folds.Count(x => x == f)));
        var cv = CrossValidation.Run(data, 5, Options, TestContext.Current.CancellationToken);
        Assert.Equal(data.Count, cv.OutOfFold.Examples);
        Assert.Equal(5, cv.FoldAccuracies.Count);
        Assert.True(cv.OutOfFold.Accuracy > 0.85, $"accuracy {cv.OutOfFold.Accuracy}");
    }
}
