namespace PuoAiOps.Core.Classification;

/// <summary>
/// A sentence encoder (for example a small pre-trained transformer) whose dense vectors join the
/// n-gram features as one more block. Paraphrases the training data never showed land near their
/// intent, which hashed n-grams alone cannot do. Implementations live outside Core (they run a
/// model file); they must be deterministic and thread-safe.
/// </summary>
public interface ITextEncoder
{
    /// <summary>Stored in the model: a model trained with one encoder only runs with the same one.</summary>
    string Name { get; }

    int Dimensions { get; }

    /// <summary>Writes one L2-normalised vector per text, row after row, into <paramref name="destination"/> (texts × <see cref="Dimensions"/>).</summary>
    void Encode(IReadOnlyList<string> texts, Span<float> destination, CancellationToken cancellationToken = default);
}
