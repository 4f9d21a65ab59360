using PuoAiOps.Core.Classification;

namespace PuoAiOps.Encoders;

/// <summary>
/// The classifier's view of the shared <see cref="MiniLmEmbeddingGenerator"/>: the same model, the
/// same vectors as retrieval uses, no second ONNX session.
/// </summary>
public sealed class MiniLmTextEncoder(MiniLmEmbeddingGenerator generator) : ITextEncoder
{
    public const string EncoderName = "minilm-l6-v2";

    /// <summary>Over the process-wide <see cref="MiniLmEmbeddingGenerator.Shared"/> instance.</summary>
    public MiniLmTextEncoder() : this(MiniLmEmbeddingGenerator.Shared) { }

    public string Name => EncoderName;
    public int Dimensions => MiniLmEmbeddingGenerator.Dimensions;

    public void Encode(IReadOnlyList<string> texts, Span<float> destination, CancellationToken cancellationToken = default) =>
        generator.Embed(texts, destination, cancellationToken);
}
