using PuoAiOps.Core.Annotation;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Data;

/// <summary>Train, validation (calibration) and test parts of the labeled questions.</summary>
public sealed record DataSplit(IReadOnlyList<LabeledQuestion> Train, IReadOnlyList<LabeledQuestion> Validation, IReadOnlyList<LabeledQuestion> Test)
{
    /// <summary>
    /// Stratified by label and keyed by question id (<see cref="StratifiedSplit"/>), so the test part
    /// is the one <c>puo export labels</c> marks as test for the same share and seed, and it barely moves
    /// as new labels arrive: versions trained weeks apart are still scored on nearly the same questions.
    /// The validation part is then taken from what is left, with its own salt.
    /// </summary>
    public static DataSplit Create(IReadOnlyList<LabeledQuestion> questions, SplitSettings settings)
    {
        var isTest = StratifiedSplit.Assign(questions.Select(q => new SplitRow(q.Id, q.Label)).ToList(), settings.TestShare, settings.Seed);
        var test = questions.Where((_, i) => isTest[i]).ToList();
        var rest = questions.Where((_, i) => !isTest[i]).ToList();
        var validationShare = settings.ValidationShare / (1 - settings.TestShare);
        var isValidation = StratifiedSplit.Assign(rest.Select(q => new SplitRow(q.Id, q.Label)).ToList(), Math.Min(validationShare, 0.5), settings.Seed + 1);
        var validation = rest.Where((_, i) => isValidation[i]).ToList();
        var train = rest.Where((_, i) => !isValidation[i]).ToList();
        if (settings.TrainingShare < 1)
        {
            // A learning-curve check: keep a stratified share of the training part, same test part.
            var drop = StratifiedSplit.Assign(train.Select(q => new SplitRow(q.Id, q.Label)).ToList(), 1 - settings.TrainingShare, settings.Seed + 2);
            train = train.Where((_, i) => !drop[i]).ToList();
        }
        return new DataSplit(train, validation, test);
    }
}

/// <summary>How the labeled questions are split. Stored with each model version.</summary>
public sealed record SplitSettings
{
    public double TestShare { get; init; } = 0.2;
    public double ValidationShare { get; init; } = 0.1;

    /// <summary>Below 1: train on this share of the training part only (to see what more data buys).</summary>
    public double TrainingShare { get; init; } = 1;

    /// <summary>The label export's default seed, so its test rows are this split's test part.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The settings out of range, as codes (a training job's refusal, worded by each host).</summary>
    public IEnumerable<CodedMessage> Problems()
    {
        if (TestShare is < 0.05 or > 0.5 || double.IsNaN(TestShare)) yield return CodedMessage.Of(ClassificationRefusal.TestShareRange);
        if (ValidationShare is < 0 or > 0.3 || double.IsNaN(ValidationShare)) yield return CodedMessage.Of(ClassificationRefusal.ValidationShareRange);
        if (TrainingShare is <= 0 or > 1 || double.IsNaN(TrainingShare)) yield return CodedMessage.Of(ClassificationRefusal.TrainingShareRange);
    }

    /// <summary>The same in English (the settings' start-up check).</summary>
    public IEnumerable<string> Validate() => Problems().Select(p => p.English);
}
