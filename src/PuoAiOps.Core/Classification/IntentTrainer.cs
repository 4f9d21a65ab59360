using System.Diagnostics;
using System.Numerics.Tensors;
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
        var (fitData, calibration, source) = validation is { Count: > 0 }
            ? (train, validation, "validation")
            : HoldoutSplit.Split(train, options.HoldoutFraction, options.Seed);

        var fit = Fit(fitData, options, cancellationToken);
        var clock = Stopwatch.StartNew();
        var modelCalibration = Calibrate(fit.Model(options, calibration.Count, ModelCalibration.None), calibration, fit.ClassOf, options);
        var calibrateSeconds = clock.Elapsed.TotalSeconds;
        var (featurizeSeconds, trainSeconds) = (fit.FeaturizeSeconds, fit.TrainSeconds);
        if (source == "holdout" && options.RefitOnAllData)
        {
            // Calibration needed data the model had not seen; the model itself learns from all of it.
            fit = Fit(train, options, cancellationToken);
            featurizeSeconds += fit.FeaturizeSeconds;
            trainSeconds += fit.TrainSeconds;
            source = "holdout, then refit on all data";
        }

        var model = fit.Model(options, calibration.Count, modelCalibration);
        var counts = fit.Labels.Select((l, i) => new LabelCount(l, fit.Y.Count(c => c == i))).ToArray();
        var report = new TrainingReport(model.Info.DataHash, counts, fit.Y.Length, calibration.Count, source, fit.Space.Count,
            modelCalibration, fit.Iterations, options, featurizeSeconds, trainSeconds, calibrateSeconds);
        return new IntentTrainingResult(model, report);
    }

    private static Fitted Fit(IReadOnlyList<LabeledText> data, TrainerOptions options, CancellationToken ct)
    {
        var labels = data.Select(t => t.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2) throw new ArgumentException("Training data needs at least two distinct labels.", nameof(data));

        var clock = Stopwatch.StartNew();
        var texts = Normalize(data);
        var space = FeatureSpaceBuilder.Fit(texts, options.Features);
        var x = SparseMatrix.Build(space, texts);
        if (options.Encoder is { } encoder)
        {
            var vectors = new float[texts.Length * encoder.Dimensions];
            encoder.Encode(texts, vectors, ct);
            x = x.WithDenseBlock(vectors, encoder.Dimensions, options.EncoderWeight);
        }
        var featurizeSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var classOf = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var y = data.Select(t => classOf[t.Label]).ToArray();
        var cost = labels.Select(l => l == options.OutOfScopeLabel ? options.OutOfScopeWeight : 1f).ToArray();
        var settings = new SvmSettings(options.C, options.Tolerance, options.MaxIterations, 1f, options.MaxThreads);
        var (trained, paddedBias, iterations) = LinearSvmTrainer.Train(x, y, labels.Length, cost, settings, options.Seed, ct);
        var weights = QuantizedWeights.Quantize(trained, labels.Length, LinearSvmTrainer.Stride(labels.Length));
        return new Fitted(labels, classOf, y, space, weights, paddedBias[..labels.Length], DataHash(data, texts), featurizeSeconds, clock.Elapsed.TotalSeconds, iterations);
    }

    private sealed record Fitted(string[] Labels, Dictionary<string, int> ClassOf, int[] Y, FeatureSpace Space, QuantizedWeights Weights,
        float[] Bias, string DataHash, double FeaturizeSeconds, double TrainSeconds, int Iterations)
    {
        public IntentModel Model(TrainerOptions options, int calibrationExamples, ModelCalibration calibration) =>
            new(new IntentModelInfo(options.OutOfScopeLabel, options.Seed, DataHash, Y.Length, calibrationExamples, options.C,
                options.OutOfScopeWeight, options.Features)
            {
                Encoder = options.Encoder?.Name,
                EncoderDimensions = options.Encoder?.Dimensions ?? 0,
                EncoderWeight = options.Encoder is null ? 1f : options.EncoderWeight,
            }, Space, Labels, Weights, Bias, calibration, options.Encoder);
    }

    /// <summary>
    /// On validation data: the softmax temperature (log-loss), the confidence model (is the top label
    /// right, from its score and the known-vocabulary share; out-of-scope questions weighted up because
    /// validation sets hold far fewer of them than live traffic), then the threshold on that confidence.
    /// </summary>
    private static ModelCalibration Calibrate(IntentModel model, IReadOnlyList<LabeledText> calibration,
        Dictionary<string, int> classOf, TrainerOptions options)
    {
        var classes = model.Labels.Count;
        var texts = Normalize(calibration);
        var scores = new float[texts.Length * classes];
        var known = new float[texts.Length];
        var vectors = model.Encode(texts);
        var dimensions = model.Info.EncoderDimensions;
        Parallel.For(0, texts.Length, () => new FeatureScratch(), (i, _, scratch) =>
        {
            var vector = dimensions == 0 ? default : vectors.AsSpan(i * dimensions, dimensions);
            model.RawScores(texts[i], scratch, vector).CopyTo(scores.AsSpan(i * classes, classes));
            known[i] = scratch.KnownShare;
            return scratch;
        }, _ => { });

        var top = new int[texts.Length];
        var topScore = new float[texts.Length];
        var correct = new bool[texts.Length];
        var weight = new float[texts.Length];
        var isOos = new bool[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var row = scores.AsSpan(i * classes, classes);
            top[i] = TensorPrimitives.IndexOfMax(row);
            topScore[i] = row[top[i]];
            correct[i] = model.Labels[top[i]] == calibration[i].Label;
            isOos[i] = calibration[i].Label == options.OutOfScopeLabel;
            // The threshold only ever rejects in-scope tops, so only those teach the confidence model.
            weight[i] = top[i] == model.OutOfScopeClass ? 0f : isOos[i] ? options.OutOfScopeCalibrationWeight : 1f;
        }

        // Questions whose label the model does not know (out of scope without an oos class) cannot inform the temperature.
        var labelled = Enumerable.Range(0, texts.Length).Where(i => classOf.ContainsKey(calibration[i].Label)).ToArray();
        var temperature = TemperatureScaling.FitTemperature(
            labelled.SelectMany(i => scores.AsSpan(i * classes, classes).ToArray()).ToArray(), classes,
            labelled.Select(i => classOf[calibration[i].Label]).ToArray());
        var confidenceModel = ConfidenceCalibration.Fit(topScore, known, correct, weight);
        var uncalibrated = new ModelCalibration(temperature, confidenceModel, 0f);
        if (options.FixedThreshold is { } fixedThreshold) return uncalibrated with { Threshold = fixedThreshold };

        var confidence = new float[texts.Length];
        var probe = model.WithCalibration(uncalibrated);
        for (var i = 0; i < texts.Length; i++)
            confidence[i] = probe.Confidence(scores.AsSpan(i * classes, classes), top[i], known[i]);
        var predictedOos = top.Select(t => t == model.OutOfScopeClass).ToArray();
        return uncalibrated with { Threshold = ThresholdTuner.Tune(confidence, predictedOos, isOos, options.TargetOutOfScopeRecall) };
    }

    internal static string[] Normalize(IReadOnlyList<LabeledText> items)
    {
        var texts = new string[items.Count];
        Parallel.For(0, items.Count, i => texts[i] = TextNormalizer.Normalize(items[i].Text));
        return texts;
    }

    /// <summary>SHA-256 over the sorted normalised "label\ttext" lines: the same data in any order has the same hash.</summary>
    public static string DataHash(IReadOnlyList<LabeledText> items) => DataHash(items, Normalize(items));

    private static string DataHash(IReadOnlyList<LabeledText> items, string[] normalized)
    {
        var lines = items.Select((t, i) => t.Label + "\t" + normalized[i]).Order(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines) sha.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
