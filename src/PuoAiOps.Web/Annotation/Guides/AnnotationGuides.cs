using PuoAiOps.Web.Taxonomy;

namespace PuoAiOps.Web.Annotation.Guides;

/// <summary>A guide or one of its sections as the annotation pages show it.</summary>
/// <param name="File">Path inside the guides folder, e.g. <c>payments.md</c>.</param>
/// <param name="Anchor">The section's heading anchor; null for a whole guide.</param>
/// <param name="Title">Heading (or guide title) text.</param>
/// <param name="Html">Rendered by <see cref="GuideLibrary"/> (raw HTML in the Markdown is never emitted).</param>
public sealed record GuideView(string File, string? Anchor, string Title, string Html)
{
    public string Href => GuideLinks.PageHref(File, Anchor);
}

/// <summary>
/// The annotation guides for the annotation area, read and rendered by the taxonomy's
/// <see cref="GuideLibrary"/> (one folder, one setting <c>Taxonomy:GuidesPath</c>, one cache). Links
/// between guides point at the annotation area's own guide pages, which annotators may open (the
/// taxonomy's are for curators and reviewers); beside the labeling page they open in a new tab.
/// </summary>
public sealed class AnnotationGuides(GuideLibrary library)
{
    private static readonly string TaxonomyPrefix = "href=\"" + GuideMarkdown.GuidePath("");
    private static readonly string AnnotationPrefix = "href=\"" + GuideLinks.Base + "/";

    public IReadOnlyList<string> ListFiles() => library.ListFiles();

    /// <summary>A whole guide for its page; null when there is no such file.</summary>
    public async Task<GuideView?> PageAsync(string file, CancellationToken ct) =>
        await library.GetAsync(file, null, ct) is { } guide ? new GuideView(guide.File, null, guide.Title, Relink(guide.Html)) : null;

    /// <summary>The section a GuideRef such as <c>payments.md#payment-failed</c> points at; null when it does not exist.</summary>
    public async Task<GuideView?> SectionAsync(string? guideRef, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(guideRef) || !guideRef.Contains('#', StringComparison.Ordinal)) return null;
        if (await library.GetAsync(guideRef, ct) is not { Anchor: { } anchor } section) return null;
        // Generated markup from Markdig (always `<a href="`), so a plain replacement is exact.
        var html = Relink(section.Html).Replace("<a href=\"", "<a target=\"_blank\" rel=\"noopener\" href=\"", StringComparison.Ordinal);
        return new GuideView(section.File, anchor, section.Title, html);
    }

    private static string Relink(string html) => html.Replace(TaxonomyPrefix, AnnotationPrefix, StringComparison.Ordinal);
}

/// <summary>How the annotation area addresses guides.</summary>
public static class GuideLinks
{
    public const string Base = "/annotate/guides";

    /// <summary>The general rules' section on out-of-scope questions.</summary>
    public const string OutOfScopeRef = "README.md#out-of-scope";

    public static string PageHref(string file, string? anchor = null) =>
        $"{Base}/{string.Join('/', file.Split('/').Select(Uri.EscapeDataString))}" + (string.IsNullOrEmpty(anchor) ? "" : "#" + Uri.EscapeDataString(anchor));
}
