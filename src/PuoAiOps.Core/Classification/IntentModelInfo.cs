namespace PuoAiOps.Core.Classification;

/// <summary>
/// What a model was trained from and how, stored inside the model file. Deterministic (no
/// timestamps), so that the same data and options always give the same bytes.
/// </summary>
public sealed record IntentModelInfo(
    string OutOfScopeLabel,
    int Seed,
    string DataHash,
    int TrainingExamples,
    int CalibrationExamples,
    float C,
    float OutOfScopeWeight,
    FeatureOptions Features)
{
    /// <summary>The <see cref="ITextEncoder.Name"/> whose vectors are features too, or null for n-grams only.</summary>
    public string? Encoder { get; init; }

    /// <summary>Length of the encoder's vectors (0 without an encoder).</summary>
    public int EncoderDimensions { get; init; }

    /// <summary>Scale applied to the encoder's vectors, at training and at prediction alike.</summary>
    public float EncoderWeight { get; init; } = 1f;
}
