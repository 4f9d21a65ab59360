namespace PuoAiOps.Core.Classification;

/// <summary>
/// Metrics of a classifier on labelled questions: accuracy, macro-F1 (over every label seen in
/// truth or prediction, as scikit-learn does), per-intent P/R/F1, confusion matrix and worst
/// pairs, out-of-scope recall/precision and in-scope accuracy, calibration bins with ECE, and the
/// coverage-vs-accuracy curve a confidence threshold would give.
/// </summary>
public static class IntentEvaluator
{
    public const int Bins = 10;

    public static IntentEvaluation Evaluate(IntentModel model, IReadOnlyList<LabeledText> test, int worstPairs = 20)
    {
        ArgumentNullException.ThrowIfNull(model);
        var texts = test.Select(t => t.Text).ToArray();
        var (tops, confidences) = model.PredictParallel(texts);
        var outcomes = test.Select((t, i) => new IntentOutcome(t.Label, model.Decide(tops[i], confidences[i]), model.Labels[tops[i]], confidences[i])).ToArray();
        return Evaluate(outcomes, model.OutOfScopeLabel, worstPairs);
    }

    public static IntentEvaluation Evaluate(IReadOnlyList<IntentOutcome> outcomes, string outOfScopeLabel, int worstPairs = 20)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0) throw new ArgumentException("Nothing to evaluate.", nameof(outcomes));
        var labels = outcomes.SelectMany(o => new[] { o.Truth, o.Predicted }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Length]).ToArray();
        foreach (var o in outcomes) confusion[index[o.Truth]][index[o.Predicted]]++;

        var perIntent = labels.Select((label, i) =>
        {
            var tp = confusion[i][i];
            var support = confusion[i].Sum();
            var predicted = confusion.Sum(row => row[i]);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new IntentMetrics(label, precision, recall, f1, support, predicted);
        }).ToArray();

        var pairs = new List<ConfusionPair>();
        for (var t = 0; t < labels.Length; t++)
            for (var p = 0; p < labels.Length; p++)
                if (t != p && confusion[t][p] > 0) pairs.Add(new ConfusionPair(labels[t], labels[p], confusion[t][p]));
        var worst = pairs.OrderByDescending(p => p.Count).ThenBy(p => p.Truth, StringComparer.Ordinal)
            .ThenBy(p => p.Predicted, StringComparer.Ordinal).Take(worstPairs).ToArray();

        var inScope = outcomes.Where(o => o.Truth != outOfScopeLabel).ToArray();
        var oos = outcomes.Where(o => o.Truth == outOfScopeLabel).ToArray();
        var predictedOos = outcomes.Count(o => o.Predicted == outOfScopeLabel);
        var (bins, ece) = CalibrationBins(outcomes);
        return new IntentEvaluation(
            outcomes.Count,
            (double)outcomes.Count(o => o.Truth == o.Predicted) / outcomes.Count,
            perIntent.Average(m => m.F1),
            oos.Length == 0 || inScope.Length == 0 ? null : (double)inScope.Count(o => o.Predicted == o.Truth) / inScope.Length,
            oos.Length == 0 ? null : (double)oos.Count(o => o.Predicted == outOfScopeLabel) / oos.Length,
            oos.Length == 0 ? null : predictedOos == 0 ? 0 : (double)oos.Count(o => o.Predicted == outOfScopeLabel) / predictedOos,
            perIntent, labels, confusion, worst, bins, ece, CoverageCurve(outcomes, outOfScopeLabel));
    }

    /// <summary>Equal-width confidence bins of the top class; ECE = Σ (n_b / N) · |accuracy_b − confidence_b|.</summary>
    private static (ConfidenceBin[] Bins, double Ece) CalibrationBins(IReadOnlyList<IntentOutcome> outcomes)
    {
        var count = new int[Bins];
        var correct = new int[Bins];
        var sum = new double[Bins];
        foreach (var o in outcomes)
        {
            var b = Math.Clamp((int)(o.Confidence * Bins), 0, Bins - 1);
            count[b]++;
            sum[b] += o.Confidence;
            if (o.TopClass == o.Truth) correct[b]++;
        }
        var bins = new ConfidenceBin[Bins];
        var ece = 0.0;
        for (var b = 0; b < Bins; b++)
        {
            var mean = count[b] == 0 ? 0 : sum[b] / count[b];
            bins[b] = new ConfidenceBin((double)b / Bins, (double)(b + 1) / Bins, count[b], correct[b], mean);
            ece += (double)count[b] / outcomes.Count * Math.Abs(bins[b].Accuracy - mean);
        }
        return (bins, ece);
    }

    /// <summary>Thresholds 0, 0.05, …, 0.95: answered = top class is in scope and confidence ≥ threshold.</summary>
    private static CoveragePoint[] CoverageCurve(IReadOnlyList<IntentOutcome> outcomes, string outOfScopeLabel)
    {
        var points = new CoveragePoint[20];
        for (var i = 0; i < points.Length; i++)
        {
            var threshold = i * 0.05;
            var answered = outcomes.Where(o => o.TopClass != outOfScopeLabel && o.Confidence >= threshold).ToArray();
            var accuracy = answered.Length == 0 ? 0 : (double)answered.Count(o => o.TopClass == o.Truth) / answered.Length;
            points[i] = new CoveragePoint(threshold, (double)answered.Length / outcomes.Count, accuracy);
        }
        return points;
    }
}
