using Ganss.Xss;
using Markdig;

namespace PuoAiOps.Application.Knowledge.Formats;

/// <summary>
/// Safe HTML for showing a document: Markdown rendered by Markdig (HTML documents as they are),
/// then everything that can run script, load remote content or restyle the page removed by
/// HtmlSanitizer's allow-list. Inline styles are dropped too, which also makes any hidden text that
/// survived ingestion visible rather than invisible.
/// </summary>
public sealed class SopHtmlRenderer
{
    private readonly HtmlSanitizer _sanitizer;

    public SopHtmlRenderer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedTags.Remove("img");
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("mailto");
    }

    public string Render(string source, DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => _sanitizer.Sanitize(Markdown.ToHtml(FrontMatter.Split(source).Body, DocumentParser.Pipeline)),
        DocumentFormat.Html => _sanitizer.Sanitize(source),
        _ => "<pre>" + System.Net.WebUtility.HtmlEncode(source) + "</pre>",
    };
}
