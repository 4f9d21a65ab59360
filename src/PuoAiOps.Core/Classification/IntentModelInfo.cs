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
    FeatureOptions Features);
