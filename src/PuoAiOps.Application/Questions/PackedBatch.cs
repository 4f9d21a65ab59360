using System.Globalization;
using System.Text;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// One transaction's worth of prepared rows, packed as UTF-8 into a single byte buffer with offsets.
/// A batch of 50,000 rows is then a handful of arrays instead of 400,000 strings: it costs a third
/// of the memory, nothing for the garbage collector to trace, and the SQLite writer binds the bytes
/// as they are. Buffers are reused from batch to batch, so memory stays flat.
/// </summary>
internal sealed class PackedBatch
{
    public const int ExternalId = 0, Text = 1, TextHash = 2, UserRef = 3, Channel = 4, Locale = 5, Source = 6, CreatedAt = 7;
    private const int Fields = 8;

    /// <summary>EF Core's SQLite provider stores DateTime in this form; dates written here must read back the same.</summary>
    public const string SqliteDateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private byte[] _data = new byte[1 << 16];
    private int _used;
    private int[] _starts = new int[Fields * 1024];
    private int[] _lengths = new int[Fields * 1024];
    private long[] _lines = new long[1024];
    private DateTime[] _dates = new DateTime[1024];
    private int[] _order = new int[1024];

    public int Count { get; private set; }

    /// <summary>Rejected rows so far (cumulative) when the batch was sealed, so the run row matches what is committed.</summary>
    public long RejectedSoFar { get; private set; }

    public void Reset()
    {
        Count = 0;
        _used = 0;
        RejectedSoFar = 0;
    }

    public void Add(in PreparedQuestion q)
    {
        if (Count == _lines.Length) Grow();
        var row = Count++;
        _lines[row] = q.Line;
        _dates[row] = q.CreatedAt;
        Put(row, ExternalId, q.ExternalId);
        Put(row, Text, q.Text);
        Put(row, TextHash, q.TextHash);
        Put(row, UserRef, q.UserRef);
        Put(row, Channel, q.Channel);
        Put(row, Locale, q.Locale);
        Put(row, Source, q.Source);
        Span<byte> date = stackalloc byte[32];
        q.CreatedAt.TryFormat(date, out var length, SqliteDateFormat, CultureInfo.InvariantCulture);
        Put(row, CreatedAt, date[..length]);
    }

    /// <summary>
    /// Fixes the write order: by duplicate key, then by line (the first occurrence in the file is the one
    /// stored). Consecutive inserts then walk the unique index in order instead of jumping around it.
    /// </summary>
    public void Seal(long rejectedSoFar)
    {
        RejectedSoFar = rejectedSoFar;
        for (var i = 0; i < Count; i++) _order[i] = i;
        _order.AsSpan(0, Count).Sort((a, b) =>
        {
            var byHash = Field(a, TextHash).SequenceCompareTo(Field(b, TextHash));
            return byHash != 0 ? byHash : _lines[a].CompareTo(_lines[b]);
        });
    }

    /// <summary>The row to write at <paramref name="position"/> of the sealed order.</summary>
    public int RowAt(int position) => _order[position];

    public bool IsNull(int row, int field) => _starts[(row * Fields) + field] < 0;

    public ReadOnlySpan<byte> Field(int row, int field)
    {
        var start = _starts[(row * Fields) + field];
        return start < 0 ? default : _data.AsSpan(start, _lengths[(row * Fields) + field]);
    }

    public string? FieldString(int row, int field) => IsNull(row, field) ? null : Encoding.UTF8.GetString(Field(row, field));

    public DateTime CreatedAtValue(int row) => _dates[row];

    private void Put(int row, int field, string? value)
    {
        if (value is null)
        {
            _starts[(row * Fields) + field] = -1;
            return;
        }
        Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, _data.AsSpan(_used));
        Record(row, field, length);
    }

    private void Put(int row, int field, ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_data.AsSpan(_used));
        Record(row, field, bytes.Length);
    }

    private void Record(int row, int field, int length)
    {
        _starts[(row * Fields) + field] = _used;
        _lengths[(row * Fields) + field] = length;
        _used += length;
    }

    private void Reserve(int bytes)
    {
        if (_used + bytes > _data.Length) Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + bytes));
    }

    private void Grow()
    {
        var rows = _lines.Length * 2;
        Array.Resize(ref _starts, rows * Fields);
        Array.Resize(ref _lengths, rows * Fields);
        Array.Resize(ref _lines, rows);
        Array.Resize(ref _dates, rows);
        Array.Resize(ref _order, rows);
    }
}
