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

    /// <summary>Sorts by start (longest first on ties) and drops matches overlapping an earlier kept one.</summary>
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
            if (m.Start < lastEnd) continue;
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
