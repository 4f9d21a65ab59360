namespace PuoAiOps.Core.Classification;

/// <summary>Seeded stratified split: the same share of every label goes to the hold-out side.</summary>
public static class HoldoutSplit
{
    public static (IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> Holdout, string Source) Split(
        IReadOnlyList<LabeledText> items, double holdoutFraction, int seed)
    {
        var train = new List<LabeledText>();
        var holdout = new List<LabeledText>();
        foreach (var group in items.Select((t, i) => (t, i)).GroupBy(p => p.t.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.Select(p => p.i).ToArray();
            new Random(unchecked(seed * 31 + StableHash(group.Key))).Shuffle(members);
            // A label with a single example stays on the training side: the model must know it.
            var take = members.Length < 2 ? 0 : (int)Math.Round(members.Length * holdoutFraction);
            foreach (var i in members[..take]) holdout.Add(items[i]);
            foreach (var i in members[take..]) train.Add(items[i]);
        }
        return (train, holdout, holdout.Count > 0 ? "holdout" : "none");
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }
}
