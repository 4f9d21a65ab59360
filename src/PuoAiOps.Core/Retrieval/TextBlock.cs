namespace PuoAiOps.Core.Retrieval;

/// <summary>
/// One visible block of a document in reading order: a heading (level 1-6) or body text
/// (level 0: a paragraph, list item, table row or code block). Readers of Markdown, HTML and plain
/// text all produce these, so chunking does not depend on the source format.
/// </summary>
public readonly record struct TextBlock(int HeadingLevel, string Text)
{
    public bool IsHeading => HeadingLevel > 0;

    public static TextBlock Heading(int level, string text) => new(Math.Clamp(level, 1, 6), text);
    public static TextBlock Body(string text) => new(0, text);
}
