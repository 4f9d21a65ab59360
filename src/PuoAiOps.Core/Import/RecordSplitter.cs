namespace PuoAiOps.Core.Import;

/// <summary>
/// Finds where a record ends in a byte buffer, resumably: when the buffer ends first, the scan
/// position and quote state are kept so the next call continues instead of rescanning.
/// Works on UTF-8 bytes: '"' and '\n' never occur inside a multi-byte sequence.
/// </summary>
internal static class RecordSplitter
{
    /// <summary>Index of the '\n' that ends a CSV record (outside quotes), or -1.</summary>
    public static int FindCsvRecordEnd(ReadOnlySpan<byte> span, ref int from, ref bool inQuotes)
    {
        var i = from;
        while (i < span.Length)
        {
            // Inside quotes only the closing quote matters; a doubled quote toggles twice.
            var rel = inQuotes ? span[i..].IndexOf((byte)'"') : span[i..].IndexOfAny((byte)'"', (byte)'\n');
            if (rel < 0) break;
            i += rel;
            if (span[i] == '"')
            {
                inQuotes = !inQuotes;
                i++;
                continue;
            }
            from = i;
            return i;
        }
        from = span.Length;
        return -1;
    }

    /// <summary>Index of the next '\n', or -1.</summary>
    public static int FindLineEnd(ReadOnlySpan<byte> span, ref int from)
    {
        var rel = span[from..].IndexOf((byte)'\n');
        if (rel >= 0) return from + rel;
        from = span.Length;
        return -1;
    }
}
