namespace PuoAiOps.Core.Classification;

/// <summary>Everything that determines a trained model besides the data. Same options + data → same model bytes.</summary>
public sealed record TrainerOptions
{
    public int Seed { get; init; } = 1;
    public FeatureOptions Features { get; init; } = new();

    /// <summary>SVM cost: higher fits the training data more closely.</summary>
    public float C { get; init; } = 1f;

    /// <summary>The label meaning "none of our intents". When training data has it, it is also a class.</summary>
    public string OutOfScopeLabel { get; init; } = "oos";

    /// <summary>Cost multiplier for out-of-scope training examples (they are few and varied).</summary>
    public float OutOfScopeWeight { get; init; } = 1f;

    /// <summary>
    /// The confidence threshold is the lowest one that rejects at least this share of the
    /// validation set's out-of-scope questions (keeping as many in-scope answers as possible).
    /// Ignored when validation data has no out-of-scope questions.
    /// </summary>
    public float TargetOutOfScopeRecall { get; init; } = 0.7f;

    /// <summary>Use this threshold instead of tuning one (0 disables rejection by confidence).</summary>
    public float? FixedThreshold { get; init; }

    /// <summary>Without a validation set, this stratified share of the training data is held out for calibration.</summary>
    public float HoldoutFraction { get; init; } = 0.1f;

    public float Tolerance { get; init; } = 0.1f;
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Threads for training; results do not depend on it.</summary>
    public int MaxThreads { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        Features.Validate();
        if (!(C > 0)) throw new ArgumentOutOfRangeException(nameof(C), "C must be > 0.");
        if (!(OutOfScopeWeight > 0)) throw new ArgumentOutOfRangeException(nameof(OutOfScopeWeight), "Out-of-scope weight must be > 0.");
        if (TargetOutOfScopeRecall is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(TargetOutOfScopeRecall), "Target recall must be in [0, 1].");
        if (FixedThreshold is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(FixedThreshold), "Threshold must be in [0, 1].");
        if (HoldoutFraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(HoldoutFraction), "Hold-out fraction must be in [0, 1).");
        if (string.IsNullOrWhiteSpace(OutOfScopeLabel)) throw new ArgumentException("Out-of-scope label is required.", nameof(OutOfScopeLabel));
        if (MaxThreads < 1) throw new ArgumentOutOfRangeException(nameof(MaxThreads), "At least one thread.");
    }
}
