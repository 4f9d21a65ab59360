using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Application.Knowledge.Formats;

/// <summary>
/// The visible text of an HTML document as <see cref="TextBlock"/>s: headings, paragraphs, list
/// items, table rows. Hidden elements (<see cref="HiddenStyle"/>) are dropped with everything in
/// them and counted, so the uploader can be told how much was removed.
/// </summary>
internal sealed class HtmlBlockReader
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote", "ul", "ol", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "figure", "figcaption", "hr", "form", "fieldset", "details", "summary", "address", "body", "html",
    };

    private readonly List<TextBlock> _blocks = [];
    private readonly StringBuilder _line = new();

    public int HiddenElements { get; private set; }
    public string? FirstHeading { get; private set; }

    public static (IReadOnlyList<TextBlock> Blocks, int HiddenElements, string? Title) Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var reader = new HtmlBlockReader();
        if (document.Body is { } body) reader.Walk(body, Rgb.White);
        reader.Flush();
        var title = document.Title is { Length: > 0 } t ? t.Trim() : reader.FirstHeading;
        return (reader._blocks, reader.HiddenElements, title);
    }

    private void Walk(INode node, Rgb background)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text) { AppendInline(text.Data); continue; }
            if (child is not IElement element) continue;
            if (HiddenStyle.IsHidden(element, background))
            {
                if (element.TextContent.Trim().Length > 0 && element.LocalName is not ("script" or "style" or "head" or "title")) HiddenElements++;
                continue;
            }
            var inner = HiddenStyle.Background(element, background);
            var name = element.LocalName;
            if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
            {
                Flush();
                var heading = Collapse(Inline(element, inner));
                if (heading.Length > 0) _blocks.Add(TextBlock.Heading(name[1] - '0', heading));
                if (name[1] == '1') FirstHeading ??= heading;
            }
            else if (name == "tr")
            {
                Flush();
                var cells = element.Children.Where(c => c.LocalName is "td" or "th" && !HiddenStyle.IsHidden(c, inner))
                    .Select(c => Collapse(Inline(c, HiddenStyle.Background(c, inner)))).ToList();
                if (cells.Any(c => c.Length > 0)) _blocks.Add(TextBlock.Body(string.Join(" | ", cells)));
            }
            else if (name == "pre")
            {
                Flush();
                var code = element.TextContent.Trim('\n');
                if (code.Trim().Length > 0) _blocks.Add(TextBlock.Body(code));
            }
            else if (name == "li")
            {
                Flush();
                _line.Append("- ");
                Walk(element, inner);
                Flush();
            }
            else if (name == "br") _line.Append('\n');
            else if (BlockTags.Contains(name))
            {
                Flush();
                Walk(element, inner);
                Flush();
            }
            else Walk(element, inner);
        }
    }

    /// <summary>The visible inline text of an element (a heading or a cell), hidden parts left out.</summary>
    private string Inline(IElement element, Rgb background)
    {
        var reader = new HtmlBlockReader();
        reader.Walk(element, background);
        reader.Flush();
        HiddenElements += reader.HiddenElements;
        return string.Join(' ', reader._blocks.Select(b => b.Text));
    }

    private void AppendInline(string text) => _line.Append(text);

    private void Flush()
    {
        var text = Collapse(_line.ToString());
        _line.Clear();
        if (text.Length > 0 && text != "-") _blocks.Add(TextBlock.Body(text));
    }

    /// <summary>HTML whitespace collapsing, keeping explicit line breaks (br).</summary>
    private static string Collapse(string text)
    {
        // Entities (&#8203;) decode to invisible characters only after parsing: strip them here too.
        text = InvisibleText.Strip(text);
        var lines = text.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines.Where(l => l.Length > 0)).Trim();
    }
}
