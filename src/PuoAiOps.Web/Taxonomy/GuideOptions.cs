namespace PuoAiOps.Web.Taxonomy;

/// <summary>Configuration section "Taxonomy".</summary>
public sealed class GuideOptions
{
    public const string SectionName = "Taxonomy";

    public const string DefaultFolderName = "annotation-guides";

    /// <summary>
    /// Folder of the annotation guides (relative paths are resolved against the content root). When
    /// empty: the nearest <c>annotation-guides/</c> from the content root upwards, else the copy
    /// next to the application.
    /// </summary>
    public string? GuidesPath { get; set; }
}
