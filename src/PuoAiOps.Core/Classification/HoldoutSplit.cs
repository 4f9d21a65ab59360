using PuoAiOps.Core.Annotation;

namespace PuoAiOps.Core.Classification;

/// <summary>The calibration hold-out when no validation set is given: <see cref="StratifiedSplit"/> over the items' positions.</summary>
internal static class HoldoutSplit
{
    public static (IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> Holdout, string Source) Split(
        IReadOnlyList<LabeledText> items, double holdoutFraction, int seed)
    {
        var isHoldout = StratifiedSplit.Assign(items.Select((t, i) => new SplitRow(i, t.Label)).ToArray(), holdoutFraction, seed);
        var train = items.Where((_, i) => !isHoldout[i]).ToArray();
        var holdout = items.Where((_, i) => isHoldout[i]).ToArray();
        return (train, holdout, holdout.Length > 0 ? "holdout" : "none");
    }
}
