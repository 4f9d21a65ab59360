namespace PuoAiOps.Core.Classification;

/// <summary>Out-of-fold evaluation of all k folds together, plus each fold's accuracy (their spread shows how stable the figure is).</summary>
public sealed record CrossValidationResult(IntentEvaluation OutOfFold, IReadOnlyList<double> FoldAccuracies);

/// <summary>Stratified k-fold cross-validation: the honest figure when there is no separate test set.</summary>
public static class CrossValidation
{
    public static CrossValidationResult Run(IReadOnlyList<LabeledText> data, int folds, TrainerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "At least two folds.");
        options ??= new TrainerOptions();
        var foldOf = StratifiedFolds(data, folds, options.Seed);
        var outcomes = new IntentOutcome[data.Count];
        var accuracies = new List<double>();
        for (var f = 0; f < folds; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = data.Where((_, i) => foldOf[i] != f).ToArray();
            var testIndex = Enumerable.Range(0, data.Count).Where(i => foldOf[i] == f).ToArray();
            if (testIndex.Length == 0) continue;
            var model = IntentTrainer.Train(train, null, options, cancellationToken).Model;
            var (tops, confidences) = model.PredictParallel(testIndex.Select(i => data[i].Text).ToArray());
            var correct = 0;
            for (var j = 0; j < testIndex.Length; j++)
            {
                var item = data[testIndex[j]];
                var predicted = model.Decide(tops[j], confidences[j]);
                outcomes[testIndex[j]] = new IntentOutcome(item.Label, predicted, model.Labels[tops[j]], confidences[j]);
                if (predicted == item.Label) correct++;
            }
            accuracies.Add((double)correct / testIndex.Length);
        }
        return new CrossValidationResult(IntentEvaluator.Evaluate(outcomes, options.OutOfScopeLabel), accuracies);
    }

    /// <summary>Fold number per item: each label's items, shuffled with the seed, dealt round-robin.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<LabeledText> data, int folds, int seed)
    {
        var foldOf = new int[data.Count];
        var random = new Random(seed);
        var next = 0;
        foreach (var group in Enumerable.Range(0, data.Count).GroupBy(i => data[i].Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            // Continue the deal where the previous label stopped, so small labels do not all start in fold 0.
            foreach (var i in members) foldOf[i] = next++ % folds;
        }
        return foldOf;
    }
}
