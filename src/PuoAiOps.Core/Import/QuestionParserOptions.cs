namespace PuoAiOps.Core.Import;

/// <summary>Limits the parser enforces while streaming a file.</summary>
public sealed class QuestionParserOptions
{
    /// <summary>Longest accepted question, in characters; longer rows are rejected.</summary>
    public int MaxTextLength { get; init; } = 4000;

    /// <summary>Longest accepted value of the other fields (ids, channel, locale, source).</summary>
    public int MaxFieldLength { get; init; } = 256;

    /// <summary>Rows after which the file is refused (0 = no limit).</summary>
    public long MaxRows { get; init; }

    /// <summary>Bytes after which the file is refused (0 = no limit).</summary>
    public long MaxFileBytes { get; init; }

    /// <summary>
    /// Bytes one row may occupy before it is rejected without being buffered further: the worst
    /// case for a text of <see cref="MaxTextLength"/> characters plus the other fields. This bound
    /// is what keeps memory flat even for a broken file (an unterminated quote).
    /// </summary>
    public int MaxRowBytes => Math.Max(64 * 1024, (MaxTextLength * 4) + (MaxFieldLength * 6 * 4) + 1024);
}
