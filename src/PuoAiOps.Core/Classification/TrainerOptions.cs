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
    /// Above the 70% usually asked for, because a validation set holds few out-of-scope questions
    /// (CLINC150: 100) and the recall measured on them varies by ±5 points on new data.
    /// Ignored when validation data has no out-of-scope questions.
    /// </summary>
    public float TargetOutOfScopeRecall { get; init; } = 0.75f;

    /// <summary>
    /// Weight of each out-of-scope validation question when fitting the confidence model: validation
    /// sets hold few of them (CLINC150: 3%) while live traffic holds many more.
    /// </summary>
    public float OutOfScopeCalibrationWeight { get; init; } = 5f;

    /// <summary>Use this threshold instead of tuning one (0 disables rejection by confidence).</summary>
    public float? FixedThreshold { get; init; }

    /// <summary>Without a validation set, this stratified share of the training data is held out for calibration.</summary>
    public float HoldoutFraction { get; init; } = 0.1f;

    /// <summary>After calibrating on the hold-out, train again on all training data (no validation set only).</summary>
    public bool RefitOnAllData { get; init; } = true;

    /// <summary>Solver stopping tolerance (projected-gradient spread); 0.3 is as accurate as 0.1 here and a third faster.</summary>
    public float Tolerance { get; init; } = 0.3f;
    public int MaxIterations { get; init; } = 1000;

    /// <summary>
    /// Adds the encoder's sentence vectors as a feature block (null = n-grams only). Far slower to
    /// train and predict (a transformer runs per question) but better on paraphrases. Not part of
    /// the stored settings: the model records the encoder's name and needs the same one to predict.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ITextEncoder? Encoder { get; init; }

    /// <summary>Weight of the encoder block relative to the (unit-length) word and char blocks.</summary>
    public float EncoderWeight { get; init; } = 1f;

    /// <summary>Threads for training; results do not depend on it.</summary>
    public int MaxThreads { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        Features.Validate();
        if (!(C > 0)) throw new ArgumentOutOfRangeException(nameof(C), "C must be > 0.");
        if (!(OutOfScopeCalibrationWeight > 0)) throw new ArgumentOutOfRangeException(nameof(OutOfScopeCalibrationWeight), "Weight must be > 0.");
        if (!(OutOfScopeWeight > 0)) throw new ArgumentOutOfRangeException(nameof(OutOfScopeWeight), "Out-of-scope weight must be > 0.");
        if (TargetOutOfScopeRecall is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(TargetOutOfScopeRecall), "Target recall must be in [0, 1].");
        if (FixedThreshold is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(FixedThreshold), "Threshold must be in [0, 1].");
        if (HoldoutFraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(HoldoutFraction), "Hold-out fraction must be in [0, 1).");
        if (string.IsNullOrWhiteSpace(OutOfScopeLabel)) throw new ArgumentException("Out-of-scope label is required.", nameof(OutOfScopeLabel));
        if (!(EncoderWeight > 0)) throw new ArgumentOutOfRangeException(nameof(EncoderWeight), "Encoder weight must be > 0.");
        if (MaxThreads < 1) throw new ArgumentOutOfRangeException(nameof(MaxThreads), "At least one thread.");
    }
}
