using System.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PuoAiOps.Web.Annotation.Guides;

/// <summary>
/// Markdown to HTML for the guides. Raw HTML in a guide is never emitted (DisableHtml: it is shown
/// as text), link targets other than http(s), mailto and guide-relative paths are dropped, and
/// relative links are pointed at the console's guide pages.
/// </summary>
internal static class GuideRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    public static GuideDocument Render(string fileName, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var links = RewriteLinks(document, fileName);
        var title = document.Descendants<HeadingBlock>().FirstOrDefault() is { } first ? PlainText(first) : fileName;

        var whole = RenderBlocks(document);
        // Beside the labeling page a link must not take the annotator away from their item.
        foreach (var link in links)
        {
            link.GetAttributes().AddPropertyIfNotExist("target", "_blank");
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
        }
        return new GuideDocument(fileName, title, whole, Sections(document, fileName));
    }

    private static Dictionary<string, GuideSection> Sections(MarkdownDocument document, string fileName)
    {
        var sections = new Dictionary<string, GuideSection>(StringComparer.OrdinalIgnoreCase);
        HeadingBlock? heading = null;
        var body = new List<Block>();
        void Close()
        {
            if (heading is null) return;
            // The guides open each intent section with a "Key: `x` · 中文名：…" line; the panel's own header already shows both.
            if (body.Count > 0 && body[0] is ParagraphBlock first && first.Inline?.FirstChild is LiteralInline { Content: var text }
                && text.ToString().StartsWith("Key:", StringComparison.Ordinal))
                body.RemoveAt(0);
            var section = new GuideSection(fileName, heading.GetAttributes().Id ?? "", PlainText(heading), RenderBlocks(body));
            // The id Markdig gives the heading, and the anchor the demo generator writes into GuideRef (same rules, kept in step).
            foreach (var key in new[] { section.Anchor, Slug(section.Heading) })
                if (key.Length > 0) sections.TryAdd(key, section);
        }
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 2 } h)
            {
                Close();
                heading = h.Level == 2 ? h : null;
                body = [];
                continue;
            }
            body.Add(block);
        }
        Close();
        return sections;
    }

    private static string RenderBlocks(IEnumerable<Block> blocks)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        foreach (var block in blocks) renderer.Render(block);
        writer.Flush();
        return writer.ToString();
    }

    private static List<LinkInline> RewriteLinks(MarkdownDocument document, string fileName)
    {
        var links = document.Descendants<LinkInline>().ToList();
        foreach (var link in links)
            link.Url = link.IsImage ? "" : Rewrite(link.Url, fileName);
        foreach (var autolink in document.Descendants<AutolinkInline>())
            if (!IsSafeAbsolute(autolink.Url)) autolink.Url = "#";
        return links;
    }

    /// <summary>In-guide anchors and sibling guides go to the guide pages; unsafe schemes go nowhere.</summary>
    internal static string Rewrite(string? url, string fileName)
    {
        if (string.IsNullOrWhiteSpace(url)) return "#";
        url = url.Trim();
        if (url.StartsWith('#')) return GuideLinks.PageHref(fileName, url[1..]);
        if (IsSafeAbsolute(url)) return url;
        if (url.Contains(':', StringComparison.Ordinal) || url.StartsWith('/') || url.StartsWith('\\')) return "#";
        var (file, anchor) = GuideLinks.Parse(url) ?? ("", null);
        return file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !file.Contains('/') && !file.Contains('\\')
            ? GuideLinks.PageHref(file, anchor)
            : "#";
    }

    private static bool IsSafeAbsolute(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    private static string PlainText(HeadingBlock heading)
    {
        var sb = new StringBuilder();
        foreach (var inline in heading.Inline?.Descendants<LiteralInline>() ?? [])
            sb.Append(inline.Content.ToString());
        foreach (var code in heading.Inline?.Descendants<CodeInline>() ?? [])
            sb.Append(code.Content);
        return sb.ToString().Trim();
    }

    /// <summary>GitHub-style anchor: lower case, letters, digits, '-' and '_' kept, spaces to hyphens, the rest dropped.</summary>
    internal static string Slug(string heading)
    {
        var sb = new StringBuilder(heading.Length);
        foreach (var ch in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || ch is '-' or '_') sb.Append(ch);
            else if (ch == ' ') sb.Append('-');
        }
        return sb.ToString();
    }
}
