using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Import;

/// <summary>
/// Streams a question file (CSV with a header, or JSON Lines) row by row in bounded memory: the
/// buffer never holds more than one row plus a read-ahead block, however large the file. Bad rows
/// come back as rejections with their line number; a file that is not a question file at all fails
/// at <see cref="OpenAsync"/> with <see cref="ImportFormatException"/>; limits raise
/// <see cref="ImportLimitExceededException"/>.
/// </summary>
public sealed class QuestionFileReader : IDisposable
{
    private const int BlockSize = 64 * 1024;

    private enum Step { Row, Continue, NeedMore, End }

    private readonly ByteWindow _window;
    private readonly QuestionParserOptions _options;
    private readonly bool _countOnly;
    private readonly JsonLinesRowParser? _json;
    private CsvRowParser? _csv;
    private long _line = 1;
    private int _scanFrom;
    private bool _inQuotes;
    private bool _skipping;

    private QuestionFileReader(ByteWindow window, QuestionParserOptions options, QuestionFileFormat format, bool countOnly)
    {
        _window = window;
        _options = options;
        _countOnly = countOnly;
        Format = format;
        if (format == QuestionFileFormat.JsonLines) _json = new JsonLinesRowParser(options);
    }

    public QuestionFileFormat Format { get; }

    /// <summary>Data rows read so far, accepted and rejected (blank lines excluded).</summary>
    public long Rows { get; private set; }

    public long BytesRead => _window.TotalRead;

    /// <summary>Hex SHA-256 of the bytes read; the whole file's once <see cref="ReadAsync"/> returned null.</summary>
    public string FileHash => _window.HashHex();

    /// <summary>Detects the format (content first, then the file extension) and reads the CSV header.</summary>
    public static Task<QuestionFileReader> OpenAsync(Stream stream, string? fileName, QuestionParserOptions options, CancellationToken ct = default) =>
        OpenAsync(stream, fileName, options, countOnly: false, ct);

    /// <summary>
    /// Counts the data rows of a file exactly as <see cref="ReadAsync"/> would see them, without
    /// decoding fields (fast). Lets a caller refuse a file over <c>MaxRows</c> before importing any of it.
    /// </summary>
    public static async Task<long> CountRowsAsync(Stream stream, string? fileName, QuestionParserOptions options, CancellationToken ct = default)
    {
        using var reader = await OpenAsync(stream, fileName, options, countOnly: true, ct);
        while (await reader.ReadAsync(ct) is not null) { }
        return reader.Rows;
    }

    private static async Task<QuestionFileReader> OpenAsync(Stream stream, string? fileName, QuestionParserOptions options, bool countOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var window = new ByteWindow(stream, BlockSize, options.MaxRowBytes + BlockSize, options.MaxFileBytes);
        try
        {
            while (window.UnreadCount < 4096 && await window.FillAsync(ct)) { }
            if (window.Unread.StartsWith("\uFEFF"u8)) window.Consume(3);
            var format = FormatSniffer.Detect(window.Unread, fileName);
            var reader = new QuestionFileReader(window, options, format, countOnly);
            if (format == QuestionFileFormat.Csv) await reader.ReadHeaderAsync(ct);
            return reader;
        }
        catch
        {
            window.Dispose();
            throw;
        }
    }

    /// <summary>The next row (accepted or rejected), or null at the end of the file.</summary>
    public async ValueTask<ParsedRow?> ReadAsync(CancellationToken ct = default)
    {
        var atEnd = false;
        while (true)
        {
            switch (Advance(atEnd, header: false, out var row))
            {
                case Step.Row:
                    return row;
                case Step.End:
                    return null;
                case Step.NeedMore:
                    atEnd = !await _window.FillAsync(ct) && !_window.IsFull;
                    break;
            }
        }
    }

    private async Task ReadHeaderAsync(CancellationToken ct)
    {
        var atEnd = false;
        while (_csv is null)
        {
            var step = Advance(atEnd, header: true, out _);
            if (step == Step.End) throw new ImportFormatException(QuestionFileMessage.NoHeaderLine);
            if (step == Step.NeedMore) atEnd = !await _window.FillAsync(ct) && !_window.IsFull;
        }
    }

    private Step Advance(bool atEnd, bool header, out ParsedRow row)
    {
        row = default;
        var span = _window.Unread;
        if (_skipping)
        {
            var newline = span.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _window.Consume(span.Length);
                return atEnd ? Step.End : Step.NeedMore;
            }
            _window.Consume(newline + 1);
            _line++;
            _skipping = false;
            return Step.Continue;
        }
        var end = Format == QuestionFileFormat.Csv
            ? RecordSplitter.FindCsvRecordEnd(span, ref _scanFrom, ref _inQuotes)
            : RecordSplitter.FindLineEnd(span, ref _scanFrom);
        if (end >= 0) return Emit(span, end, end + 1, header, out row);
        if (atEnd)
        {
            if (span.IsEmpty) return Step.End;
            if (!_inQuotes) return Emit(span, span.Length, span.Length, header, out row);
            return RejectAndResync(span, CodedMessage.Of(QuestionRowMessage.UnterminatedQuote), header ? CodedMessage.Of(QuestionFileMessage.HeaderUnterminated) : null, out row);
        }
        if (span.Length >= _options.MaxRowBytes)
            return RejectAndResync(span, CodedMessage.Of(QuestionRowMessage.RowTooLong, _options.MaxRowBytes),
                header ? CodedMessage.Of(QuestionFileMessage.HeaderTooLong, _options.MaxRowBytes) : null, out row);
        return Step.NeedMore;
    }

    private Step Emit(ReadOnlySpan<byte> span, int recordLength, int consumed, bool header, out ParsedRow row)
    {
        row = default;
        var record = span[..recordLength];
        if (!record.IsEmpty && record[^1] == '\r') record = record[..^1];
        var line = _line;
        _line += span[..consumed].Count((byte)'\n');
        ParsedRow? parsed = null;
        var blank = record.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;
        if (header)
        {
            if (!blank) _csv = CsvRowParser.FromHeader(record, _options);
        }
        else if (!blank)
        {
            parsed = _countOnly ? default(ParsedRow) : _csv is not null ? _csv.Parse(record, line) : _json!.Parse(record, line);
        }
        _window.Consume(consumed);
        _scanFrom = 0;
        _inQuotes = false;
        if (parsed is null) return Step.Continue;
        CountRow();
        row = parsed.Value;
        return Step.Row;
    }

    /// <summary>Rejects the row at the window start and resumes reading on the next physical line.</summary>
    /// <param name="headerProblem">Set when the record is the header: then the whole file is refused with it.</param>
    private Step RejectAndResync(ReadOnlySpan<byte> span, CodedMessage reason, CodedMessage? headerProblem, out ParsedRow row)
    {
        if (headerProblem is not null) throw new ImportFormatException(headerProblem);
        row = ParsedRow.Reject(_line, reason);
        var newline = span.IndexOf((byte)'\n');
        if (newline >= 0)
        {
            _window.Consume(newline + 1);
            _line++;
        }
        else
        {
            _window.Consume(span.Length);
            _skipping = true;
        }
        _scanFrom = 0;
        _inQuotes = false;
        CountRow();
        return Step.Row;
    }

    private void CountRow()
    {
        Rows++;
        if (_options.MaxRows > 0 && Rows > _options.MaxRows) throw ImportLimitExceededException.TooManyRows(_options.MaxRows, null);
    }

    public void Dispose() => _window.Dispose();
}
