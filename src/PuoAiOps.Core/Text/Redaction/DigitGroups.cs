namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// Runs of digits joined by single separators ("4111 1111 1111 1111", "138-0013-8000"), read from a
/// start position. Detectors then test prefixes of the groups against their own structure rules.
/// Positions live in a caller-provided stack buffer: reading allocates nothing.
/// </summary>
internal ref struct DigitGroups
{
    public const int MaxGroups = 8;

    // Per group: start, end, and the separator that precedes it (group 0: '\0').
    private readonly Span<int> _bounds;
    private readonly Span<char> _separators;

    public DigitGroups(Span<int> bounds, Span<char> separators)
    {
        _bounds = bounds;
        _separators = separators;
        Count = 0;
    }

    public int Count { get; private set; }

    public readonly int Start(int group) => _bounds[2 * group];
    public readonly int End(int group) => _bounds[(2 * group) + 1];
    public readonly int Length(int group) => End(group) - Start(group);

    /// <summary>Digits in groups 0..count-1.</summary>
    public readonly int DigitsIn(int count)
    {
        var total = 0;
        for (var g = 0; g < count; g++) total += Length(g);
        return total;
    }

    /// <summary>True when groups 0..count-1 are joined by one and the same separator.</summary>
    public readonly bool SameSeparator(int count)
    {
        for (var g = 2; g < count; g++)
            if (_separators[g] != _separators[1]) return false;
        return true;
    }

    /// <summary>Reads groups from <paramref name="start"/> (a digit) separated by one of <paramref name="separators"/>.</summary>
    public void Read(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> separators, int maxDigits)
    {
        Count = 0;
        var digits = 0;
        var i = start;
        var separator = '\0';
        var capacity = Math.Min(MaxGroups, _separators.Length);
        while (Count < capacity)
        {
            var end = Chars.DigitRunEnd(text, i);
            _bounds[2 * Count] = i;
            _bounds[(2 * Count) + 1] = end;
            _separators[Count] = separator;
            Count++;
            digits += end - i;
            if (digits > maxDigits || end + 1 >= text.Length) return;
            separator = text[end];
            if (!separators.Contains(separator) || !Chars.IsDigit(text[end + 1])) return;
            i = end + 1;
        }
    }
}
