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
    private readonly ITextEncoder? _encoder;

    internal IntentModel(IntentModelInfo info, FeatureSpace features, string[] labels, QuantizedWeights weights, float[] bias,
        ModelCalibration calibration, ITextEncoder? encoder = null)
    {
        if (weights.Features != features.Count + info.EncoderDimensions || weights.Classes != labels.Length || bias.Length != labels.Length)
            throw new ArgumentException("Weight matrix does not match features x classes.", nameof(weights));
        if (encoder is not null) CheckEncoder(info, encoder);
        _encoder = encoder;
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
    internal IntentModel WithCalibration(ModelCalibration calibration) => new(Info, Features, _labels, _weights, _bias, calibration, _encoder);

    /// <summary>True when the model was trained with an encoder block and none is attached yet (see <see cref="WithEncoder"/>).</summary>
    public bool NeedsEncoder => Info.Encoder is not null && _encoder is null;

    /// <summary>The same model with its encoder attached (a loaded model only stores the encoder's name).</summary>
    public IntentModel WithEncoder(ITextEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        return new IntentModel(Info, Features, _labels, _weights, _bias, Calibration, encoder);
    }

    private static void CheckEncoder(IntentModelInfo info, ITextEncoder encoder)
    {
        if (info.Encoder != encoder.Name || info.EncoderDimensions != encoder.Dimensions)
            throw new ArgumentException(
                $"The model was trained with encoder '{info.Encoder ?? "none"}' ({info.EncoderDimensions} dimensions), not '{encoder.Name}' ({encoder.Dimensions}).",
                nameof(encoder));
    }

    /// <summary>The encoder's vectors for normalised texts (empty for an n-gram-only model).</summary>
    internal float[] Encode(IReadOnlyList<string> normalizedTexts, CancellationToken cancellationToken = default)
    {
        if (Info.Encoder is null) return [];
        if (_encoder is null)
            throw new InvalidOperationException($"This model needs the '{Info.Encoder}' encoder; attach it with WithEncoder before predicting.");
        var vectors = new float[normalizedTexts.Count * Info.EncoderDimensions];
        _encoder.Encode(normalizedTexts, vectors, cancellationToken);
        return vectors;
    }

    private ReadOnlySpan<float> Row(float[] vectors, int i) =>
        vectors.Length == 0 ? default : vectors.AsSpan(i * Info.EncoderDimensions, Info.EncoderDimensions);

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
        var normalized = scratch.Normalize(text);
        float[] vector = Info.Encoder is null ? [] : Encode([normalized.ToString()]);
        var scores = RawScores(normalized, scratch, vector);
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
        float[] vectors = Info.Encoder is null ? [] : EncodeRange(texts, start, topClasses.Length, scratch);
        for (var i = 0; i < topClasses.Length; i++)
        {
            var scores = RawScores(scratch.Normalize(texts[start + i]), scratch, Row(vectors, i));
            var top = TensorPrimitives.IndexOfMax(scores);
            topClasses[i] = top;
            confidences[i] = Confidence(scores, top, scratch.KnownShare);
        }
    }

    private float[] EncodeRange(IReadOnlyList<string> texts, int start, int count, FeatureScratch scratch)
    {
        var normalized = new string[count];
        for (var i = 0; i < count; i++) normalized[i] = scratch.Normalize(texts[start + i]).ToString();
        return Encode(normalized);
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

    /// <summary>
    /// The linear decision scores of a normalised text (a view of <c>scratch.Scores</c>); sets
    /// <c>scratch.KnownShare</c>. <paramref name="vector"/> is the text's encoder vector when the model has an encoder.
    /// </summary>
    internal Span<float> RawScores(ReadOnlySpan<char> normalized, FeatureScratch scratch, ReadOnlySpan<float> vector = default)
    {
        if (vector.Length != Info.EncoderDimensions)
            throw new InvalidOperationException($"This model needs a {Info.EncoderDimensions}-dimension encoder vector per text.");
        var padded = scratch.EnsureScores(_weights.Stride);
        padded.Clear();
        var n = Features.Transform(normalized, scratch);
        var indices = scratch.Indices;
        var values = scratch.Values;
        for (var i = 0; i < n; i++) _weights.AddRow(indices[i], values[i], padded);
        var first = Features.Count;
        for (var j = 0; j < vector.Length; j++) _weights.AddRow(first + j, vector[j] * Info.EncoderWeight, padded);
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
