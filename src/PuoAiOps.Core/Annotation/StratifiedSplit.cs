namespace PuoAiOps.Core.Annotation;

/// <summary>One labeled example to place in train or test: a stable id and its label.</summary>
public readonly record struct SplitRow(long Id, string Label);

/// <summary>
/// Train/test split stratified by label: each label keeps roughly the same share in test.
/// Within a label, rows are ranked by a seeded hash of their id and the first ones go to test,
/// so the split is deterministic for a seed and barely moves when new rows arrive.
/// A label with one example goes to train (it cannot be both learned and tested); a label with
/// two or more keeps at least one example in each part when the share is above zero.
/// </summary>
public static class StratifiedSplit
{
    /// <summary>Returns, per input row, whether it belongs to the test part.</summary>
    public static bool[] Assign(IReadOnlyList<SplitRow> rows, double testShare, int seed)
    {
        if (testShare is < 0 or >= 1 || double.IsNaN(testShare))
            throw new ArgumentOutOfRangeException(nameof(testShare), testShare, "The test share must be at least 0 and below 1.");
        var isTest = new bool[rows.Count];
        var salt = StableRandom.Salt("split");
        foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Label, StringComparer.Ordinal))
        {
            var members = group
                .OrderBy(i => StableRandom.Hash(seed, salt, rows[i].Id))
                .ThenBy(i => rows[i].Id)
                .ToList();
            foreach (var i in members.Take(TestCount(members.Count, testShare))) isTest[i] = true;
        }
        return isTest;
    }

    /// <summary>How many of <paramref name="n"/> examples of one label go to test.</summary>
    public static int TestCount(int n, double testShare)
    {
        if (n < 2 || testShare <= 0) return 0;
        var wanted = (int)Math.Round(n * testShare, MidpointRounding.AwayFromZero);
        return Math.Clamp(wanted, 1, n - 1);
    }
}
