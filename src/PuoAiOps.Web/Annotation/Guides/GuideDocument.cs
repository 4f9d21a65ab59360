namespace PuoAiOps.Web.Annotation.Guides;

/// <summary>One guide file rendered to HTML: the whole page, and each second-level section by its anchor.</summary>
/// <param name="FileName">File name inside the guides folder, e.g. <c>payments.md</c>.</param>
/// <param name="Title">Text of the first heading, or the file name.</param>
/// <param name="Html">The whole guide (raw HTML in the Markdown is never emitted).</param>
/// <param name="Sections">Section body HTML (without its heading) by heading anchor.</param>
public sealed record GuideDocument(string FileName, string Title, string Html, IReadOnlyDictionary<string, GuideSection> Sections);

/// <summary>A section of a guide: its heading text and body.</summary>
public sealed record GuideSection(string FileName, string Anchor, string Heading, string Html)
{
    public string Href => GuideLinks.PageHref(FileName, Anchor);
}

/// <summary>How the console addresses guides.</summary>
public static class GuideLinks
{
    public const string Base = "/annotate/guides";

    /// <summary>The general rules (README.md) section for out-of-scope questions.</summary>
    public const string OutOfScopeRef = "README.md#out-of-scope";

    public static string PageHref(string fileName, string? anchor = null) =>
        $"{Base}/{Uri.EscapeDataString(fileName)}" + (string.IsNullOrEmpty(anchor) ? "" : "#" + Uri.EscapeDataString(anchor));

    /// <summary>Splits a GuideRef such as <c>payments.md#recharge-not-credited</c>; null when malformed.</summary>
    public static (string File, string? Anchor)? Parse(string? guideRef)
    {
        if (string.IsNullOrWhiteSpace(guideRef)) return null;
        var hash = guideRef.IndexOf('#', StringComparison.Ordinal);
        var file = (hash < 0 ? guideRef : guideRef[..hash]).Trim();
        var anchor = hash < 0 ? null : guideRef[(hash + 1)..].Trim();
        return file.Length == 0 ? null : (file, string.IsNullOrEmpty(anchor) ? null : anchor);
    }
}
