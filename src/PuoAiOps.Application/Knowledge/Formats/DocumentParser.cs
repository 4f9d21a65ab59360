using System.Text;
using Markdig;
using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Application.Knowledge.Formats;

/// <summary>
/// Reads Markdown, HTML and plain text into visible blocks. Markdown is rendered to HTML first so
/// that raw HTML inside it (a hidden span, white-on-white text) is judged by the same rules as an
/// HTML upload: what the bot reads is what a person sees.
/// </summary>
public static class DocumentParser
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter().UsePipeTables().UseGridTables().UseEmphasisExtras().UseAutoLinks().Build();

    public static ParsedDocument Parse(string text, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        var invisible = InvisibleText.Count(text);
        var source = InvisibleText.Strip(text).Replace("\r\n", "\n", StringComparison.Ordinal);
        switch (format)
        {
            case DocumentFormat.Markdown:
            {
                var (meta, body) = FrontMatter.Split(source);
                var (blocks, hidden, title) = HtmlBlockReader.Read(Markdown.ToHtml(body, Pipeline));
                return new ParsedDocument(format, source, meta.Title ?? title, meta, blocks, invisible, hidden);
            }
            case DocumentFormat.Html:
            {
                var (blocks, hidden, title) = HtmlBlockReader.Read(source);
                return new ParsedDocument(format, source, title, FrontMatter.None, blocks, invisible, hidden);
            }
            default:
                return new ParsedDocument(format, source, null, FrontMatter.None, PlainBlocks(source), invisible, 0);
        }
    }

    /// <summary>Paragraphs are separated by blank lines; plain text has no headings.</summary>
    private static List<TextBlock> PlainBlocks(string text)
    {
        var blocks = new List<TextBlock>();
        var paragraph = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                if (paragraph.Length > 0) blocks.Add(TextBlock.Body(paragraph.ToString().Trim()));
                paragraph.Clear();
            }
            else paragraph.Append(line.TrimEnd()).Append('\n');
        }
        if (paragraph.Length > 0) blocks.Add(TextBlock.Body(paragraph.ToString().Trim()));
        return blocks;
    }
}
