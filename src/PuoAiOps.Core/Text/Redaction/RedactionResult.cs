namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// Redacted text and how many matches of each kind were replaced. When nothing matched,
/// <see cref="Text"/> is the input instance itself and no counts array exists.
/// </summary>
public readonly struct RedactionResult
{
    // Built-in kinds by (int)PiiType, then one slot per custom pattern; null when nothing matched.
    private readonly int[]? _counts;

    internal RedactionResult(string text, int[]? counts)
    {
        Text = text;
        _counts = counts;
    }

    public string Text { get; }

    public bool Changed => _counts is not null;

    public int Count(PiiType type) => type == PiiType.Custom ? CustomTotal() : _counts is null ? 0 : _counts[(int)type];

    /// <summary>Matches of the custom pattern at <paramref name="patternIndex"/> (order of <see cref="PiiRedactor.CustomPatternNames"/>).</summary>
    public int CustomCount(int patternIndex) => _counts is null ? 0 : _counts[(int)PiiType.Custom + patternIndex];

    public int Total
    {
        get
        {
            if (_counts is null) return 0;
            var sum = 0;
            foreach (var c in _counts) sum += c;
            return sum;
        }
    }

    internal ReadOnlySpan<int> RawCounts => _counts;

    /// <summary>A second pass over <paramref name="first"/>'s text: its text, and the counts of both passes.</summary>
    internal static RedactionResult Combine(RedactionResult first, RedactionResult second)
    {
        if (first._counts is null) return second;
        if (second._counts is null) return first;
        var counts = (int[])first._counts.Clone();
        for (var i = 0; i < counts.Length; i++) counts[i] += second._counts[i];
        return new RedactionResult(second.Text, counts);
    }

    private int CustomTotal()
    {
        if (_counts is null) return 0;
        var sum = 0;
        for (var i = (int)PiiType.Custom; i < _counts.Length; i++) sum += _counts[i];
        return sum;
    }
}
