using PuoAiOps.Core.Annotation;

namespace PuoAiOps.Application.Annotation;

/// <summary>A label reduced to what the statistics need; <see cref="Key"/> as in <see cref="LabelValue"/>.</summary>
internal sealed record QualityLabel(long ItemId, string UserId, int Key, DateTime CreatedAt, int DurationMs);

/// <summary>An item's reference answers: gold (for gold items) and final (settled non-gold items).</summary>
internal sealed record QualityItem(long ItemId, bool IsGold, int? GoldKey, int? FinalKey);

/// <summary>Turns a batch's labels into the report's statistics (pure; the service only loads rows).</summary>
internal static class QualityCalculator
{
    public const int TopConfusedPairs = 10;

    public static AgreementSummary Agreement(IReadOnlyList<IReadOnlyList<QualityLabel>> byItem, int labelsPerItem)
    {
        var units = Units(byItem, l => l.Key);
        var pairs = PairKappas(byItem, l => l.Key);
        return new AgreementSummary(
            PercentAgreement.Compute(units),
            Mean(pairs.Select(p => p.Kappa)),
            pairs,
            Fleiss(units, labelsPerItem).Result,
            KrippendorffAlpha.Nominal(units));
    }

    public static List<(int Key, int Labels, int Items, double? Specific, double? Cohen, double? Fleiss, double? Alpha)> PerIntent(
        IReadOnlyList<IReadOnlyList<QualityLabel>> byItem, int labelsPerItem)
    {
        var keys = byItem.SelectMany(g => g).Select(l => l.Key).Distinct().Order().ToList();
        var units = Units(byItem, l => l.Key);
        return keys.Select(key =>
        {
            var binary = Units(byItem, l => l.Key == key);
            return (key,
                byItem.Sum(g => g.Count(l => l.Key == key)),
                byItem.Count(g => g.Any(l => l.Key == key)),
                SpecificAgreement.Positive(units, key),
                Mean(PairKappas(byItem, l => l.Key == key).Select(p => p.Kappa)),
                Fleiss(binary, labelsPerItem).Result.Kappa,
                KrippendorffAlpha.Nominal(binary).Alpha);
        }).ToList();
    }

    public static IReadOnlyList<ConfusedPair<int>> Confused(IReadOnlyList<IReadOnlyList<QualityLabel>> byItem) =>
        ConfusionPairs.MostConfused(Units(byItem, l => l.Key), TopConfusedPairs);

    public static (double? PerHour, MatchRate Gold, MatchRate Final) ForAnnotator(
        IReadOnlyList<QualityLabel> labels, IReadOnlyDictionary<long, QualityItem> items)
    {
        var perHour = Throughput.ItemsPerHour(labels.Select(l => new LabelTiming(l.CreatedAt, l.DurationMs)));
        var gold = Rate(labels.Select(l => items.GetValueOrDefault(l.ItemId) is { IsGold: true, GoldKey: { } g } ? (l.Key, g) : ((int, int)?)null));
        var final = Rate(labels.Select(l => items.GetValueOrDefault(l.ItemId) is { IsGold: false, FinalKey: { } f } ? (l.Key, f) : ((int, int)?)null));
        return (perHour, gold, final);
    }

    private static MatchRate Rate(IEnumerable<(int Given, int Expected)?> answers)
    {
        var scored = answers.OfType<(int Given, int Expected)>().Select(a => ("", a.Given, a.Expected)).ToList();
        return scored.Count == 0 ? new MatchRate(0, 0) : MatchRates.ByRater(scored)[""];
    }

    private static List<IReadOnlyCollection<T>> Units<T>(IReadOnlyList<IReadOnlyList<QualityLabel>> byItem, Func<QualityLabel, T> value) =>
        byItem.Where(g => g.Count >= 2).Select(g => (IReadOnlyCollection<T>)g.Select(value).ToList()).ToList();

    private static (KappaResult Result, int Items) Fleiss<T>(List<IReadOnlyCollection<T>> units, int labelsPerItem) where T : notnull
    {
        var full = units.Where(u => u.Count == labelsPerItem).ToList();
        return labelsPerItem < 2 || full.Count == 0 ? (KappaResult.Empty, 0) : (FleissKappa.Compute(full), full.Count);
    }

    /// <summary>Cohen's κ for every pair of annotators who labeled at least one item in common.</summary>
    private static List<AnnotatorPairKappa> PairKappas<T>(IReadOnlyList<IReadOnlyList<QualityLabel>> byItem, Func<QualityLabel, T> value)
        where T : notnull
    {
        var pairs = new Dictionary<(string, string), List<(T, T)>>();
        foreach (var labels in byItem)
        {
            var ordered = labels.OrderBy(l => l.UserId, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
                for (var j = i + 1; j < ordered.Count; j++)
                {
                    var key = (ordered[i].UserId, ordered[j].UserId);
                    if (!pairs.TryGetValue(key, out var list)) pairs[key] = list = [];
                    list.Add((value(ordered[i]), value(ordered[j])));
                }
        }
        return pairs
            .OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
            .Select(p =>
            {
                var k = CohensKappa.Compute(p.Value);
                return new AnnotatorPairKappa(p.Key.Item1, p.Key.Item2, k.Items, k.ObservedAgreement, k.Kappa);
            }).ToList();
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var defined = values.OfType<double>().ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
