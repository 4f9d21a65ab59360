using PuoAiOps.Application.Classification.Models;

namespace PuoAiOps.Application.Classification.Evaluation;

/// <summary>Scores classifier outputs against the true labels: the numbers and curves of <see cref="EvaluationReport"/>.</summary>
public static class EvaluationCalculator
{
    private const int HistogramBins = 10;
    private const int WorstPairCount = 10;

    public static EvaluationReport Evaluate(IReadOnlyList<string> truth, IReadOnlyList<ClassifierOutput> outputs, string outOfScopeLabel, double threshold)
    {
        if (truth.Count != outputs.Count) throw new ArgumentException("One output per true label is required.", nameof(outputs));
        var n = truth.Count;
        var labels = truth.Concat(outputs.Select(o => o.Label)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var counts = labels.Select(_ => new int[labels.Count]).ToArray();
        for (var i = 0; i < n; i++) counts[index[truth[i]]][index[outputs[i].Label]]++;

        var perLabel = labels.Select((label, k) => Metrics(label, k, counts)).ToList();
        var correct = Enumerable.Range(0, n).Count(i => outputs[i].Label == truth[i]);
        var scored = perLabel.Where(m => m.Support > 0 || m.Predicted > 0).ToList();
        var supportTotal = perLabel.Sum(m => m.Support);
        var (coverage, answeredAccuracy) = CoverageAt(truth, outputs, outOfScopeLabel, threshold);

        return new EvaluationReport
        {
            TestCount = n,
            Accuracy = Ratio(correct, n),
            MacroF1 = scored.Count == 0 ? 0 : scored.Average(m => m.F1),
            WeightedF1 = supportTotal == 0 ? 0 : perLabel.Sum(m => m.F1 * m.Support) / supportTotal,
            OutOfScopeRecall = index.TryGetValue(outOfScopeLabel, out var o) && perLabel[o].Support > 0 ? perLabel[o].Recall : null,
            OutOfScopePrecision = index.TryGetValue(outOfScopeLabel, out o) && perLabel[o].Predicted > 0 ? perLabel[o].Precision : null,
            Threshold = threshold,
            Coverage = coverage,
            AnsweredAccuracy = answeredAccuracy,
            Failures = outputs.Count(x => x.Failed),
            PerLabel = perLabel,
            Confusion = new ConfusionMatrix(labels, counts),
            WorstPairs = WorstPairs(labels, counts, perLabel),
            Histogram = Histogram(truth, outputs),
            Curve = Curve(truth, outputs, outOfScopeLabel, threshold),
        };
    }

    private static LabelMetrics Metrics(string label, int k, int[][] counts)
    {
        var tp = counts[k][k];
        var support = counts[k].Sum();
        var predicted = counts.Sum(row => row[k]);
        var precision = Ratio(tp, predicted);
        var recall = Ratio(tp, support);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new LabelMetrics(label, precision, recall, f1, support, predicted);
    }

    private static List<ConfusedLabels> WorstPairs(List<string> labels, int[][] counts, List<LabelMetrics> perLabel)
    {
        var pairs = new List<ConfusedLabels>();
        for (var t = 0; t < labels.Count; t++)
            for (var p = 0; p < labels.Count; p++)
                if (t != p && counts[t][p] > 0)
                    pairs.Add(new ConfusedLabels(labels[t], labels[p], counts[t][p], Ratio(counts[t][p], perLabel[t].Support)));
        return pairs.OrderByDescending(x => x.Count).ThenByDescending(x => x.Share)
            .ThenBy(x => x.Truth, StringComparer.Ordinal).ThenBy(x => x.Predicted, StringComparer.Ordinal)
            .Take(WorstPairCount).ToList();
    }

    private static List<ConfidenceBin> Histogram(IReadOnlyList<string> truth, IReadOnlyList<ClassifierOutput> outputs)
    {
        var correct = new int[HistogramBins];
        var incorrect = new int[HistogramBins];
        for (var i = 0; i < truth.Count; i++)
        {
            if (outputs[i].Failed) continue;
            var bin = Math.Clamp((int)(outputs[i].Confidence * HistogramBins), 0, HistogramBins - 1);
            if (outputs[i].Label == truth[i]) correct[bin]++;
            else incorrect[bin]++;
        }
        return Enumerable.Range(0, HistogramBins)
            .Select(b => new ConfidenceBin((double)b / HistogramBins, (double)(b + 1) / HistogramBins, correct[b], incorrect[b])).ToList();
    }

    /// <summary>The decision at every threshold from 0 to 1 (and at the model's own), as a coverage/accuracy trade-off.</summary>
    private static List<CoveragePoint> Curve(IReadOnlyList<string> truth, IReadOnlyList<ClassifierOutput> outputs, string oos, double threshold)
    {
        var thresholds = Enumerable.Range(0, 51).Select(i => i / 50.0).Append(Math.Round(threshold, 4)).Distinct().Order();
        return thresholds.Select(t =>
        {
            var (coverage, accuracy) = CoverageAt(truth, outputs, oos, t);
            return new CoveragePoint(t, coverage, accuracy);
        }).ToList();
    }

    private static (double Coverage, double Accuracy) CoverageAt(IReadOnlyList<string> truth, IReadOnlyList<ClassifierOutput> outputs, string oos, double threshold)
    {
        int answered = 0, right = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var o = outputs[i];
            if (o.Failed || o.TopLabel == oos || o.Confidence < threshold) continue;
            answered++;
            if (o.TopLabel == truth[i]) right++;
        }
        return (Ratio(answered, truth.Count), Ratio(right, answered));
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
