namespace PuoAiOps.Core.Import;

/// <summary>Tells CSV from JSON Lines by content (a first '{' means JSON Lines), the extension breaking no ties it cannot.</summary>
internal static class FormatSniffer
{
    public static QuestionFileFormat Detect(ReadOnlySpan<byte> head, string? fileName)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            throw new ImportFormatException("The file is UTF-16 text; save it as UTF-8 (CSV or JSON Lines).");
        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0) throw new ImportFormatException("The file is empty.");
        // Binary files (spreadsheets, archives, UTF-16 without a mark) show NUL bytes at once; a NUL further
        // down is one bad row, rejected on its own.
        var firstLine = head[..Math.Min(head.Length, 1024)];
        var newline = firstLine.IndexOf((byte)'\n');
        if ((newline < 0 ? firstLine : firstLine[..newline]).Contains((byte)0))
            throw new ImportFormatException("The file is not text (it contains NUL bytes); expected CSV or JSON Lines.");
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var looksJson = head[first] == '{';
        if (head[first] == '[')
            throw new ImportFormatException("The file is a JSON array; write one JSON object per line (JSON Lines) instead.");
        if (extension is ".jsonl" or ".ndjson" or ".json" && !looksJson)
            throw new ImportFormatException("The file is not JSON Lines: the first line is not a JSON object.");
        return looksJson ? QuestionFileFormat.JsonLines : QuestionFileFormat.Csv;
    }
}
