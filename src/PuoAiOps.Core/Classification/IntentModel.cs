using System.Numerics.Tensors;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// A trained intent classifier: sparse TF-IDF features → one linear score per class → a calibrated
/// confidence that the top label is right, with out-of-scope by an explicit class and/or a
/// confidence threshold. Immutable and thread-safe; persist with <see cref="Save"/>/<see cref="ToBytes"/>.
/// </summary>
public sealed partial class IntentModel
{
    [ThreadStatic] private static FeatureScratch? t_scratch;

    private readonly string[] _labels;
    private readonly QuantizedWeights _weights;
    private readonly float[] _bias;

    internal IntentModel(IntentModelInfo info, FeatureSpace features, string[] labels, QuantizedWeights weights, float[] bias,
        ModelCalibration calibration)
    {
        if (weights.Features != features.Count || weights.Classes != labels.Length || bias.Length != labels.Length)
            throw new ArgumentException("Weight matrix does not match features x classes.", nameof(weights));
        Info = info;
        Features = features;
        _labels = labels;
        _weights = weights;
        _bias = bias;
        Calibration = calibration;
        OutOfScopeClass = Array.IndexOf(labels, info.OutOfScopeLabel);
    }

    public IntentModelInfo Info { get; }
    public IReadOnlyList<string> Labels => _labels;
    public string OutOfScopeLabel => Info.OutOfScopeLabel;

    /// <summary>Index of the explicit out-of-scope class in <see cref="Labels"/>, or -1 when training data had none.</summary>
    public int OutOfScopeClass { get; }

    /// <summary>Temperature, confidence model and out-of-scope threshold, all fitted on validation data.</summary>
    public ModelCalibration Calibration { get; }

    /// <summary>A confidence below this predicts out of scope (0 = never by threshold).</summary>
    public float Threshold => Calibration.Threshold;

    public int FeatureCount => Features.Count;
    internal FeatureSpace Features { get; }
    internal QuantizedWeights Weights => _weights;
    internal ReadOnlySpan<float> Bias => _bias;

    /// <summary>The same model with other calibration (the trainer probes candidates with it).</summary>
    internal IntentModel WithCalibration(ModelCalibration calibration) => new(Info, Features, _labels, _weights, _bias, calibration);

    /// <summary>Out of scope when the out-of-scope class wins or the confidence is below <see cref="Threshold"/>.</summary>
    public bool IsOutOfScope(int topClass, float confidence) => topClass == OutOfScopeClass || confidence < Threshold;

    /// <summary>The final label for a top class and confidence as returned by <see cref="PredictBatch"/>.</summary>
    public string Decide(int topClass, float confidence) => IsOutOfScope(topClass, confidence) ? OutOfScopeLabel : _labels[topClass];

    /// <summary>
    /// Classifies one question. <see cref="IntentPrediction.Confidence"/> is the calibrated chance that
    /// the label is right; <see cref="IntentPrediction.TopK"/> lists the <paramref name="topK"/> most
    /// probable classes (temperature-scaled softmax), whether or not the question was ruled out of scope.
    /// </summary>
    public IntentPrediction Predict(string text, int topK = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = t_scratch ??= new FeatureScratch();
        var scores = RawScores(scratch.Normalize(text), scratch);
        var top = TensorPrimitives.IndexOfMax(scores);
        var confidence = Confidence(scores, top, scratch.KnownShare);

        Softmax(scores, Calibration.Temperature);
        var best = new LabelScore[Math.Clamp(topK, 0, _labels.Length)];
        for (var i = 0; i < best.Length; i++)
        {
            // k is small: repeated arg-max beats sorting all classes.
            var index = TensorPrimitives.IndexOfMax(scores);
            best[i] = new LabelScore(_labels[index], scores[index]);
            scores[index] = float.NegativeInfinity;
        }
        return new IntentPrediction(Decide(top, confidence), confidence, IsOutOfScope(top, confidence), best);
    }

    /// <summary>
    /// Fast path for many questions: the top class index and its confidence per text (turn them into
    /// a label with <see cref="Decide"/>); nothing is allocated per text beyond its normalised string.
    /// </summary>
    public void PredictBatch(IReadOnlyList<string> texts, Span<int> topClasses, Span<float> confidences)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (topClasses.Length < texts.Count || confidences.Length < texts.Count) throw new ArgumentException("Output spans are shorter than the input.");
        PredictRange(texts, 0, topClasses[..texts.Count], confidences[..texts.Count]);
    }

    /// <summary>Like <see cref="PredictBatch"/> but spread over all cores (order of results = order of texts).</summary>
    public (int[] TopClasses, float[] Confidences) PredictParallel(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var topClasses = new int[texts.Count];
        var confidences = new float[texts.Count];
        const int chunk = 256;
        Parallel.For(0, (texts.Count + chunk - 1) / chunk, c =>
        {
            var start = c * chunk;
            var count = Math.Min(chunk, texts.Count - start);
            PredictRange(texts, start, topClasses.AsSpan(start, count), confidences.AsSpan(start, count));
        });
        return (topClasses, confidences);
    }

    private void PredictRange(IReadOnlyList<string> texts, int start, Span<int> topClasses, Span<float> confidences)
    {
        var scratch = t_scratch ??= new FeatureScratch();
        for (var i = 0; i < topClasses.Length; i++)
        {
            var scores = RawScores(scratch.Normalize(texts[start + i]), scratch);
            var top = TensorPrimitives.IndexOfMax(scores);
            topClasses[i] = top;
            confidences[i] = Confidence(scores, top, scratch.KnownShare);
        }
    }

    /// <summary>The calibrated confidence; without a fitted confidence model, the softmax probability of the top class.</summary>
    internal float Confidence(Span<float> scores, int top, float knownShare)
    {
        if (Calibration.Confidence is { } model) return model.Apply(scores[top], knownShare);
        var max = scores[top];
        var sum = 0f;
        foreach (var s in scores) sum += MathF.Exp((s - max) / Calibration.Temperature);
        return 1f / sum;
    }

    /// <summary>The linear decision scores of a normalised text (a view of <c>scratch.Scores</c>); sets <c>scratch.KnownShare</c>.</summary>
    internal Span<float> RawScores(ReadOnlySpan<char> normalized, FeatureScratch scratch)
    {
        var padded = scratch.EnsureScores(_weights.Stride);
        padded.Clear();
        var n = Features.Transform(normalized, scratch);
        var indices = scratch.Indices;
        var values = scratch.Values;
        for (var i = 0; i < n; i++) _weights.AddRow(indices[i], values[i], padded);
        var scores = padded[.._labels.Length];
        TensorPrimitives.Add(scores, _bias, scores);
        return scores;
    }

    internal static void Softmax(Span<float> scores, float temperature)
    {
        var max = TensorPrimitives.Max(scores);
        TensorPrimitives.Subtract(scores, max, scores);
        TensorPrimitives.Multiply(scores, 1f / temperature, scores);
        TensorPrimitives.Exp(scores, scores);
        TensorPrimitives.Multiply(scores, 1f / TensorPrimitives.Sum(scores), scores);
    }
}

/// <summary>What validation data decided: softmax temperature, confidence model (null = softmax top probability) and threshold.</summary>
public sealed record ModelCalibration(float Temperature, ConfidenceCalibration? Confidence, float Threshold)
{
    public static ModelCalibration None { get; } = new(1f, null, 0f);
}
