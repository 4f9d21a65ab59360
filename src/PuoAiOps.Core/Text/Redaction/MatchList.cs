using System.Buffers;

namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// Growable list of matches that starts on the caller's stack, so a row without PII costs no
/// heap allocation; only texts with many matches rent a pooled array.
/// </summary>
internal ref struct MatchList
{
    private Span<PiiMatch> _items;
    private PiiMatch[]? _rented;

    public MatchList(Span<PiiMatch> initial)
    {
        _items = initial;
        _rented = null;
        Count = 0;
    }

    public int Count { get; private set; }

    public readonly ReadOnlySpan<PiiMatch> Items => _items[..Count];

    public void Add(PiiMatch match)
    {
        if (Count == _items.Length) Grow();
        _items[Count++] = match;
    }

    /// <summary>
    /// Sorts by start (longest first on ties) and folds each match that overlaps an earlier kept one
    /// into it: the kept marker then covers both spans. Dropping the later match instead would leave
    /// its tail in clear text (a phone number that a URL's last characters overlap).
    /// </summary>
    public void ResolveOverlaps()
    {
        var span = _items[..Count];
        // Insertion sort: lists are tiny and usually already in order per detector.
        for (var i = 1; i < span.Length; i++)
        {
            var current = span[i];
            var j = i - 1;
            while (j >= 0 && Before(current, span[j]))
            {
                span[j + 1] = span[j];
                j--;
            }
            span[j + 1] = current;
        }
        var kept = 0;
        var lastEnd = -1;
        foreach (var m in span)
        {
            if (m.Start < lastEnd)
            {
                if (m.End > lastEnd)
                {
                    span[kept - 1] = span[kept - 1] with { Length = m.End - span[kept - 1].Start };
                    lastEnd = m.End;
                }
                continue;
            }
            span[kept++] = m;
            lastEnd = m.End;
        }
        Count = kept;
    }

    public void Dispose()
    {
        if (_rented is not null) ArrayPool<PiiMatch>.Shared.Return(_rented);
        _rented = null;
    }

    private static bool Before(PiiMatch a, PiiMatch b) => a.Start < b.Start || (a.Start == b.Start && a.Length > b.Length);

    private void Grow()
    {
        var next = ArrayPool<PiiMatch>.Shared.Rent(Math.Max(16, _items.Length * 2));
        _items.CopyTo(next);
        if (_rented is not null) ArrayPool<PiiMatch>.Shared.Return(_rented);
        _rented = next;
        _items = next;
    }
}
