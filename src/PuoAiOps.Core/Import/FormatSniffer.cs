namespace PuoAiOps.Core.Import;

/// <summary>Tells CSV from JSON Lines by content (a first '{' means JSON Lines), the extension breaking no ties it cannot.</summary>
internal static class FormatSniffer
{
    public static QuestionFileFormat Detect(ReadOnlySpan<byte> head, string? fileName)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            throw new ImportFormatException(QuestionFileMessage.Utf16);
        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0) throw new ImportFormatException(QuestionFileMessage.Empty);
        // Binary files (spreadsheets, archives, UTF-16 without a mark) show NUL bytes at once; a NUL further
        // down is one bad row, rejected on its own.
        var firstLine = head[..Math.Min(head.Length, 1024)];
        var newline = firstLine.IndexOf((byte)'\n');
        if ((newline < 0 ? firstLine : firstLine[..newline]).Contains((byte)0))
            throw new ImportFormatException(QuestionFileMessage.Binary);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var looksJson = head[first] == '{';
        if (head[first] == '[')
            throw new ImportFormatException(QuestionFileMessage.JsonArray);
        if (extension is ".jsonl" or ".ndjson" or ".json" && !looksJson)
            throw new ImportFormatException(QuestionFileMessage.NotJsonLines);
        return looksJson ? QuestionFileFormat.JsonLines : QuestionFileFormat.Csv;
    }
}
