using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Application.VectorSearch;

/// <summary>
/// Vectors in one contiguous row-major array (cache-friendly for the SIMD scan) with their ids and
/// filter fields. Upserts overwrite in place or append; deletes move the last row into the hole.
/// Many readers or one writer at a time.
/// </summary>
public sealed class VectorMatrix(int dimensions) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<long, int> _rows = [];
    private float[] _data = new float[dimensions * 1024];
    private long[] _ids = new long[1024];
    private Payload[] _payloads = new Payload[1024];
    private int _count;

    public int Dimensions { get; } = dimensions;

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _count; } finally { _lock.ExitReadLock(); }
        }
    }

    public void Upsert(IReadOnlyList<VectorRecord> records)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var record in records)
            {
                if (record.Vector.Length != Dimensions)
                    throw new ArgumentException($"Chunk {record.Id} has a {record.Vector.Length}-dimension vector; the index holds {Dimensions}.", nameof(records));
                if (!_rows.TryGetValue(record.Id, out var row))
                {
                    row = _count++;
                    Grow(_count);
                    _rows[record.Id] = row;
                }
                record.Vector.Span.CopyTo(_data.AsSpan(row * Dimensions, Dimensions));
                _ids[row] = record.Id;
                _payloads[row] = new Payload(Locales.Language(record.Locale), record.Domain, record.Intents);
            }
        }
        finally { _lock.ExitWriteLock(); }
    }

    public void Delete(IEnumerable<long> ids)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in ids)
            {
                if (!_rows.Remove(id, out var row)) continue;
                var last = --_count;
                if (row != last)
                {
                    _data.AsSpan(last * Dimensions, Dimensions).CopyTo(_data.AsSpan(row * Dimensions, Dimensions));
                    _ids[row] = _ids[last];
                    _payloads[row] = _payloads[last];
                    _rows[_ids[row]] = row;
                }
                _payloads[last] = default;
            }
        }
        finally { _lock.ExitWriteLock(); }
    }

    public void Clear()
    {
        _lock.EnterWriteLock();
        try { _rows.Clear(); _count = 0; Array.Clear(_payloads); }
        finally { _lock.ExitWriteLock(); }
    }

    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int top, SearchFilter filter)
    {
        _lock.EnterReadLock();
        try
        {
            var payloads = _payloads;
            Func<int, bool>? include = filter == SearchFilter.None ? null : row => filter.Matches(payloads[row].Language, payloads[row].Domain, payloads[row].Intents);
            var hits = ExactVectorSearch.TopK(_data, Dimensions, _count, query, top, include);
            return hits.Select(h => new VectorHit(_ids[h.Row], h.Score)).ToList();
        }
        finally { _lock.ExitReadLock(); }
    }

    private void Grow(int rows)
    {
        if (rows <= _ids.Length) return;
        var capacity = Math.Max(rows, _ids.Length * 2);
        Array.Resize(ref _data, capacity * Dimensions);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _payloads, capacity);
    }

    public void Dispose() => _lock.Dispose();

    private readonly record struct Payload(string Language, string? Domain, IReadOnlyList<string> Intents);
}
