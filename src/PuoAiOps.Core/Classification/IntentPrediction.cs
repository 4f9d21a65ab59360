namespace PuoAiOps.Core.Classification;

/// <summary>A label with its calibrated probability.</summary>
public readonly record struct LabelScore(string Label, float Probability);

/// <summary>
/// The model's answer for one question. <see cref="Label"/> is the out-of-scope label when the
/// out-of-scope class wins or the confidence is below the model's threshold; <see cref="TopK"/>
/// always lists the best in-model classes, so a reviewer sees what it would have said.
/// </summary>
public sealed record IntentPrediction(string Label, float Confidence, bool IsOutOfScope, IReadOnlyList<LabelScore> TopK);
