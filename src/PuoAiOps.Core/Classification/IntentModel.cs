using System.Numerics.Tensors;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Classification;

/// <summary>
/// A trained intent classifier: sparse TF-IDF features → linear scores per class → temperature-scaled
/// softmax confidences, with out-of-scope by an explicit class and/or a confidence threshold.
/// Immutable and thread-safe; persist with <see cref="Save"/>/<see cref="ToBytes"/>.
/// </summary>
public sealed partial class IntentModel
{
    [ThreadStatic] private static FeatureScratch? t_scratch;

    private readonly string[] _labels;
    private readonly float[] _weights; // feature-major rows of _stride (classes padded to 16): [feature * _stride + class]
    private readonly float[] _bias;
    private readonly int _stride;

    internal IntentModel(IntentModelInfo info, FeatureSpace features, string[] labels, float[] weights, float[] bias,
        float temperature, float threshold)
    {
        _stride = LinearSvmTrainer.Stride(labels.Length);
        if (weights.Length != features.Count * _stride || bias.Length != labels.Length)
            throw new ArgumentException("Weight matrix does not match features x classes.", nameof(weights));
        Info = info;
        Features = features;
        _labels = labels;
        _weights = weights;
        _bias = bias;
        Temperature = temperature;
        Threshold = threshold;
        OutOfScopeClass = Array.IndexOf(labels, info.OutOfScopeLabel);
    }

    public IntentModelInfo Info { get; }
    public IReadOnlyList<string> Labels => _labels;
    public string OutOfScopeLabel => Info.OutOfScopeLabel;

    /// <summary>Index of the explicit out-of-scope class in <see cref="Labels"/>, or -1 when training data had none.</summary>
    public int OutOfScopeClass { get; }

    /// <summary>Softmax temperature fitted on validation data (scores are divided by it).</summary>
    public float Temperature { get; }

    /// <summary>A top confidence below this predicts out of scope (0 = never by threshold).</summary>
    public float Threshold { get; }

    public int FeatureCount => Features.Count;
    internal FeatureSpace Features { get; }
    internal ReadOnlySpan<float> Weights => _weights;
    internal int Stride => _stride;
    internal ReadOnlySpan<float> Bias => _bias;

    /// <summary>The label for an index returned by <see cref="PredictBatch"/> (-1 = out of scope by threshold).</summary>
    public string LabelOf(int index) => index < 0 ? OutOfScopeLabel : _labels[index];

    /// <summary>Classifies one question; <paramref name="topK"/> in-model alternatives with their probabilities.</summary>
    public IntentPrediction Predict(string text, int topK = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = t_scratch ??= new FeatureScratch();
        var probabilities = scratch.EnsureScores(_labels.Length);
        Probabilities(TextNormalizer.Normalize(text), scratch);
        var top = TensorPrimitives.IndexOfMax(probabilities);
        var decided = Decide(top, probabilities[top]);

        var k = Math.Clamp(topK, 0, _labels.Length);
        var order = new int[_labels.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var keys = probabilities.ToArray();
        Array.Sort(keys, order);
        var best = new LabelScore[k];
        for (var i = 0; i < k; i++) best[i] = new LabelScore(_labels[order[^(i + 1)]], keys[^(i + 1)]);
        return new IntentPrediction(LabelOf(decided), probabilities[top], decided < 0 || decided == OutOfScopeClass, best);
    }

    /// <summary>
    /// Fast path for many questions: label index (see <see cref="LabelOf"/>) and confidence per text,
    /// nothing allocated per text beyond its normalised string.
    /// </summary>
    public void PredictBatch(IReadOnlyList<string> texts, Span<int> labels, Span<float> confidences)
    {
        if (labels.Length < texts.Count || confidences.Length < texts.Count) throw new ArgumentException("Output spans are shorter than the input.");
        PredictRange(texts, 0, labels[..texts.Count], confidences[..texts.Count]);
    }

    /// <summary>Like <see cref="PredictBatch"/> but spread over all cores (order of results = order of texts).</summary>
    public (int[] Labels, float[] Confidences) PredictParallel(IReadOnlyList<string> texts)
    {
        var labels = new int[texts.Count];
        var confidences = new float[texts.Count];
        const int chunk = 256;
        Parallel.For(0, (texts.Count + chunk - 1) / chunk, c =>
        {
            var start = c * chunk;
            var count = Math.Min(chunk, texts.Count - start);
            PredictRange(texts, start, labels.AsSpan(start, count), confidences.AsSpan(start, count));
        });
        return (labels, confidences);
    }

    private void PredictRange(IReadOnlyList<string> texts, int start, Span<int> labels, Span<float> confidences)
    {
        var scratch = t_scratch ??= new FeatureScratch();
        var probabilities = scratch.EnsureScores(_labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            Probabilities(TextNormalizer.Normalize(texts[start + i]), scratch);
            var top = TensorPrimitives.IndexOfMax(probabilities);
            labels[i] = Decide(top, probabilities[top]);
            confidences[i] = probabilities[top];
        }
    }

    private int Decide(int top, float confidence) =>
        top != OutOfScopeClass && confidence < Threshold ? -1 : top;

    /// <summary>Fills <c>scratch.Scores</c> with the calibrated class probabilities of a normalised text.</summary>
    internal void Probabilities(ReadOnlySpan<char> normalized, FeatureScratch scratch)
    {
        var scores = RawScores(normalized, scratch);
        Softmax(scores, Temperature);
    }

    /// <summary>Fills <c>scratch.Scores</c> with the linear decision scores of a normalised text.</summary>
    internal Span<float> RawScores(ReadOnlySpan<char> normalized, FeatureScratch scratch)
    {
        var classes = _labels.Length;
        var scores = scratch.EnsureScores(classes).AsSpan();
        _bias.CopyTo(scores);
        var n = Features.Transform(normalized, scratch);
        var indices = scratch.Indices;
        var values = scratch.Values;
        for (var i = 0; i < n; i++)
            TensorPrimitives.MultiplyAdd(_weights.AsSpan(indices[i] * _stride, classes), values[i], scores, scores);
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
