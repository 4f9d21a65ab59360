using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PuoAiOps.Web.Taxonomy;

/// <summary>
/// Markdown of the guides to HTML. Raw HTML is never emitted (<c>DisableHtml</c>: it is shown as
/// text), and links are kept only when they stay in the console or go to http(s)/mailto, so a guide
/// can neither inject markup nor a <c>javascript:</c> URL.
/// </summary>
internal static class GuideMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown, string file)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            link.Url = RewriteUrl(link.Url, file, link.IsImage);
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!IsExternal(link.Url)) link.Url = "#";
        return document;
    }

    /// <summary>Renders the given top-level blocks of a parsed document.</summary>
    public static string Render(IEnumerable<Block> blocks)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        foreach (var block in blocks) renderer.Render(block);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Links between guides open the guide page; anchors within a guide point at that page too.</summary>
    public static string RewriteUrl(string? url, string file, bool isImage)
    {
        if (string.IsNullOrWhiteSpace(url)) return "#";
        if (IsExternal(url)) return isImage ? "#" : url;
        if (isImage) return "#";
        if (url.StartsWith('#')) return GuidePath(file) + url;
        var (path, anchor) = url.Split('#', 2) is [var p, var a] ? (p, "#" + a) : (url, "");
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.Contains(':') || path.StartsWith('/')) return "#";
        var folder = Path.GetDirectoryName(file)?.Replace('\\', '/');
        var target = string.IsNullOrEmpty(folder) ? path : $"{folder}/{path}";
        return GuideLibrary.IsValidFileName(target) ? GuidePath(target) + anchor : "#";
    }

    public static string GuidePath(string file) => "/taxonomy/guides/" + file;

    private static bool IsExternal(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
}
