namespace PuoAiOps.Core.Retrieval;

/// <summary>Size limits of <see cref="SectionChunker"/>, in characters (CJK text has no spaces to count words by).</summary>
public sealed record ChunkerOptions
{
    /// <summary>
    /// A section longer than this is split. 1,200 characters is ~250 English words: well inside the
    /// embedding model's 128-token window for its first part, and a readable citation for the bot.
    /// </summary>
    public int MaxChars { get; init; } = 1200;

    /// <summary>Text repeated at the start of the next piece of a split section, so a sentence cut at a boundary is whole in one of them.</summary>
    public int OverlapChars { get; init; } = 150;

    /// <summary>Heading levels that start a new chunk; deeper headings stay inside their parent's chunk.</summary>
    public int MaxHeadingLevel { get; init; } = 3;

    public IEnumerable<string> Validate()
    {
        if (MaxChars < 200) yield return "MaxChars must be at least 200.";
        if (OverlapChars < 0 || OverlapChars >= MaxChars / 2) yield return "OverlapChars must be between 0 and half of MaxChars.";
        if (MaxHeadingLevel is < 1 or > 6) yield return "MaxHeadingLevel must be between 1 and 6.";
    }
}
