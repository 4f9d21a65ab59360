namespace PuoAiOps.Core.Classification;

/// <summary>What happened during training, for the console and the CLI (timings are not part of the model).</summary>
public sealed record TrainingReport(
    string DataHash,
    IReadOnlyList<LabelCount> Labels,
    int TrainingExamples,
    int CalibrationExamples,
    string CalibrationSource,
    int Features,
    float Temperature,
    float Threshold,
    TrainerOptions Options,
    double FeaturizeSeconds,
    double TrainSeconds,
    double CalibrateSeconds)
{
    public double TotalSeconds => FeaturizeSeconds + TrainSeconds + CalibrateSeconds;
}

/// <summary>A label and how many training examples carry it.</summary>
public sealed record LabelCount(string Label, int Count);

/// <summary>The trained model together with its report.</summary>
public sealed record IntentTrainingResult(IntentModel Model, TrainingReport Report);
