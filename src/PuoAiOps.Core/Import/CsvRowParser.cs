using System.Text;
using System.Text.Unicode;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Import;

/// <summary>
/// Splits one CSV record (RFC 4180: quoted fields, doubled quotes, embedded line breaks) into the
/// known columns, working on UTF-8 bytes so invalid encoding is caught per row. Unknown columns are
/// skipped without decoding.
/// </summary>
internal sealed class CsvRowParser
{
    private readonly int[] _columnToField;
    private readonly byte _delimiter;
    private readonly QuestionParserOptions _options;
    private readonly string?[] _values = new string?[QuestionFields.Count];
    private byte[] _scratch = new byte[1024];
    private List<string>? _headerNames;

    private CsvRowParser(int[] columnToField, byte delimiter, QuestionParserOptions options)
    {
        _columnToField = columnToField;
        _delimiter = delimiter;
        _options = options;
    }

    /// <summary>Reads the header record; throws <see cref="ImportFormatException"/> when it lacks a text column.</summary>
    public static CsvRowParser FromHeader(ReadOnlySpan<byte> header, QuestionParserOptions options)
    {
        if (!Utf8.IsValid(header) || header.Contains((byte)0))
            throw new ImportFormatException(QuestionFileMessage.NotUtf8);
        var delimiter = header.Contains((byte)',') || !header.Contains((byte)'\t') ? (byte)',' : (byte)'\t';
        var probe = new CsvRowParser([], delimiter, options) { _headerNames = [] };
        probe.Split(header);
        var names = probe._headerNames!;
        var map = new int[names.Count];
        var seen = new bool[QuestionFields.Count];
        for (var c = 0; c < names.Count; c++)
        {
            var field = QuestionFields.IndexOf(names[c]);
            if (field >= 0 && seen[field]) throw new ImportFormatException(QuestionFileMessage.ColumnTwice, QuestionFields.Names[field]);
            if (field >= 0) seen[field] = true;
            map[c] = field;
        }
        if (!seen[QuestionFields.Text])
        {
            // Only echo names that look like column names: a headerless file's first line is a user's question.
            var expected = string.Join(", ", QuestionFields.Names);
            throw names.All(LooksLikeColumnName)
                ? new ImportFormatException(QuestionFileMessage.NoTextColumn, string.Join(", ", names.Take(12).Select(PiiRedactor.Default.RedactText)), expected)
                : new ImportFormatException(QuestionFileMessage.NoHeaderRow, expected);
        }
        return new CsvRowParser(map, delimiter, options);
    }

    public int ColumnCount => _columnToField.Length;

    private static bool LooksLikeColumnName(string name) =>
        name.Length is > 0 and <= 32 && name.Count(c => c == ' ') <= 2 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ' ');

    /// <summary>Parses a data record; null for a blank line.</summary>
    public ParsedRow? Parse(ReadOnlySpan<byte> record, long line)
    {
        if (record.IsEmpty || record.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0) return null;
        if (!Utf8.IsValid(record)) return ParsedRow.Reject(line, QuestionRowMessage.InvalidUtf8);
        Array.Clear(_values);
        var columns = Split(record);
        if (columns != _columnToField.Length)
            return ParsedRow.Reject(line, QuestionRowMessage.FieldCount, columns, _columnToField.Length);
        return QuestionFields.Build(line, _values, _options);
    }

    /// <summary>Decodes the fields the column map wants into <see cref="_values"/> (or header names); returns the field count.</summary>
    private int Split(ReadOnlySpan<byte> record)
    {
        var column = 0;
        var pos = 0;
        while (true)
        {
            var wanted = _headerNames is not null || (column < _columnToField.Length && _columnToField[column] >= 0);
            int next;
            if (pos < record.Length && record[pos] == '"')
                next = ReadQuoted(record, pos, wanted, column);
            else
            {
                var rel = record[pos..].IndexOf(_delimiter);
                next = rel < 0 ? record.Length : pos + rel;
                if (wanted) Store(column, next > pos ? Encoding.UTF8.GetString(record[pos..next]) : "");
            }
            column++;
            if (next >= record.Length) return column;
            pos = next + 1;
        }
    }

    /// <summary>A quoted field from the opening quote at <paramref name="pos"/>; returns the index of the delimiter after it (or the end).</summary>
    private int ReadQuoted(ReadOnlySpan<byte> record, int pos, bool wanted, int column)
    {
        var length = 0;
        var i = pos + 1;
        while (i < record.Length)
        {
            var rel = record[i..].IndexOf((byte)'"');
            var chunkEnd = rel < 0 ? record.Length : i + rel;
            if (wanted) Append(record[i..chunkEnd], ref length);
            if (rel < 0) { i = record.Length; break; }
            if (chunkEnd + 1 < record.Length && record[chunkEnd + 1] == '"')
            {
                if (wanted) Append("\""u8, ref length);
                i = chunkEnd + 2;
                continue;
            }
            i = chunkEnd + 1;
            break;
        }
        // Lenient about text between the closing quote and the delimiter ("abc"def): keep it.
        var rest = record[i..].IndexOf(_delimiter);
        var end = rest < 0 ? record.Length : i + rest;
        if (wanted) Append(record[i..end], ref length);
        if (wanted) Store(column, Encoding.UTF8.GetString(_scratch, 0, length));
        return end;
    }

    private void Store(int column, string value)
    {
        if (_headerNames is not null) _headerNames.Add(value.Trim());
        else if (value.Length > 0) _values[_columnToField[column]] = value;
    }

    private void Append(ReadOnlySpan<byte> bytes, ref int length)
    {
        if (length + bytes.Length > _scratch.Length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, length + bytes.Length));
        bytes.CopyTo(_scratch.AsSpan(length));
        length += bytes.Length;
    }
}
