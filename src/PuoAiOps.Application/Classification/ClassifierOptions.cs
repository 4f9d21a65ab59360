using PuoAiOps.Application.Classification.Data;

namespace PuoAiOps.Application.Classification;

/// <summary>Configuration section "Classifier".</summary>
public sealed class ClassifierOptions
{
    public const string SectionName = "Classifier";

    /// <summary>How often each instance checks which version serves (a promotion elsewhere is picked up within this).</summary>
    public double ServingRefreshSeconds { get; set; } = 10;

    /// <summary>Questions classified and written per transaction by batch classification.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Training refuses to start with fewer labeled questions than this.</summary>
    public int MinLabeledQuestions { get; set; } = 20;

    public int CrossValidationFolds { get; set; } = 5;

    /// <summary>Default split of new versions (the train form may change the shares).</summary>
    public double TestShare { get; set; } = 0.2;
    public double ValidationShare { get; set; } = 0.1;
    public int Seed { get; set; } = 42;

    public SplitSettings DefaultSplit => new() { TestShare = TestShare, ValidationShare = ValidationShare, Seed = Seed };

    public IEnumerable<string> Validate()
    {
        if (ServingRefreshSeconds is < 0 or > 3600) yield return $"{SectionName}:ServingRefreshSeconds must be between 0 and 3600.";
        if (BatchSize is < 10 or > 50_000) yield return $"{SectionName}:BatchSize must be between 10 and 50000.";
        if (MinLabeledQuestions is < 4 or > 1_000_000) yield return $"{SectionName}:MinLabeledQuestions must be at least 4.";
        if (CrossValidationFolds is < 2 or > 20) yield return $"{SectionName}:CrossValidationFolds must be between 2 and 20.";
        foreach (var error in DefaultSplit.Validate()) yield return $"{SectionName}: {error}";
    }
}
