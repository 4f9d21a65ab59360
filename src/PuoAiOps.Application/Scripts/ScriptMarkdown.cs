using Ganss.Xss;
using Markdig;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// Renders a script body (the safe Markdown subset) to HTML for the console and the bot's rich
/// channels: raw HTML is disabled in Markdig, and the output still goes through HtmlSanitizer, so a
/// crafted link or entity cannot smuggle script into a page. Placeholders stay as literal text.
/// </summary>
public static class ScriptMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string Render(string body) => Sanitizer.Sanitize(Markdown.ToHtml(body ?? "", Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "blockquote"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["https", "http"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        };
        return new HtmlSanitizer(options);
    }
}
