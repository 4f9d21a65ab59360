using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// Trains an <see cref="IntentModel"/>: features and SVM on the training set, then temperature
/// and out-of-scope threshold on the validation set (or a stratified hold-out of training data).
/// </summary>
public static class IntentTrainer
{
    public static IntentTrainingResult Train(IReadOnlyList<LabeledText> train, IReadOnlyList<LabeledText>? validation,
        TrainerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TrainerOptions();
        options.Validate();
        var (fit, calibration, source) = validation is { Count: > 0 }
            ? (train, validation, "validation")
            : HoldoutSplit.Split(train, options.HoldoutFraction, options.Seed);
        var labels = fit.Select(t => t.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2) throw new ArgumentException("Training data needs at least two distinct labels.", nameof(train));

        var clock = Stopwatch.StartNew();
        var texts = Normalize(fit);
        var space = FeatureSpaceBuilder.Fit(texts, options.Features);
        var x = SparseMatrix.Build(space, texts);
        var featurizeSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var classOf = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var y = fit.Select(t => classOf[t.Label]).ToArray();
        var cost = labels.Select(l => l == options.OutOfScopeLabel ? options.OutOfScopeWeight : 1f).ToArray();
        var settings = new SvmSettings(options.C, options.Tolerance, options.MaxIterations, 1f, options.MaxThreads);
        var (trained, paddedBias, _) = LinearSvmTrainer.Train(x, y, labels.Length, cost, settings, options.Seed, cancellationToken);
        var bias = paddedBias[..labels.Length];
        var (quantized, scales) = WeightCodec.Quantize(trained, LinearSvmTrainer.Stride(labels.Length));
        var weights = WeightCodec.Dequantize(quantized, scales, LinearSvmTrainer.Stride(labels.Length));
        var trainSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var info = new IntentModelInfo(options.OutOfScopeLabel, options.Seed, DataHash(fit), fit.Count, calibration.Count,
            options.C, options.OutOfScopeWeight, options.Features);
        var uncalibrated = new IntentModel(info, space, labels, weights, bias, 1f, 0f);
        var (temperature, threshold) = Calibrate(uncalibrated, calibration, classOf, options);
        var model = new IntentModel(info, space, labels, weights, bias, temperature, threshold);
        var calibrateSeconds = clock.Elapsed.TotalSeconds;

        var counts = labels.Select((l, i) => new LabelCount(l, y.Count(c => c == i))).ToArray();
        var report = new TrainingReport(info.DataHash, counts, fit.Count, calibration.Count, source, space.Count,
            temperature, threshold, options, featurizeSeconds, trainSeconds, calibrateSeconds);
        return new IntentTrainingResult(model, report);
    }

    private static (float Temperature, float Threshold) Calibrate(IntentModel model, IReadOnlyList<LabeledText> calibration,
        Dictionary<string, int> classOf, TrainerOptions options)
    {
        var classes = model.Labels.Count;
        var texts = Normalize(calibration);
        var scores = new float[texts.Length * classes];
        Parallel.For(0, texts.Length, () => new FeatureScratch(), (i, _, scratch) =>
        {
            model.RawScores(texts[i], scratch).CopyTo(scores.AsSpan(i * classes, classes));
            return scratch;
        }, _ => { });

        // Questions whose label the model does not know (e.g. out of scope without an oos class) cannot inform the temperature.
        var known = Enumerable.Range(0, texts.Length).Where(i => classOf.ContainsKey(calibration[i].Label)).ToArray();
        var knownScores = known.SelectMany(i => scores.AsSpan(i * classes, classes).ToArray()).ToArray();
        var temperature = Calibration.FitTemperature(knownScores, classes, known.Select(i => classOf[calibration[i].Label]).ToArray());
        if (options.FixedThreshold is { } fixedThreshold) return (temperature, fixedThreshold);

        var confidence = new float[texts.Length];
        var predictedOos = new bool[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var row = scores.AsSpan(i * classes, classes);
            IntentModel.Softmax(row, temperature);
            var top = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(row);
            confidence[i] = row[top];
            predictedOos[i] = top == model.OutOfScopeClass;
        }
        var isOos = calibration.Select(t => t.Label == options.OutOfScopeLabel).ToArray();
        return (temperature, ThresholdTuner.Tune(confidence, predictedOos, isOos, options.TargetOutOfScopeRecall));
    }

    internal static string[] Normalize(IReadOnlyList<LabeledText> items)
    {
        var texts = new string[items.Count];
        Parallel.For(0, items.Count, i => texts[i] = TextNormalizer.Normalize(items[i].Text));
        return texts;
    }

    /// <summary>SHA-256 over the sorted normalised "label\ttext" lines: the same data in any order has the same hash.</summary>
    public static string DataHash(IReadOnlyList<LabeledText> items)
    {
        var lines = items.Select(t => t.Label + "\t" + TextNormalizer.Normalize(t.Text)).Order(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines) sha.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
