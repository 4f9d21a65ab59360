namespace PuoAiOps.Web.Annotation.Guides;

/// <summary>Where the annotation guides are read from (configuration section "Annotation", shared with the queue settings).</summary>
public sealed class GuideOptions
{
    public const string SectionName = "Annotation";
    public const string FolderName = "annotation-guides";

    /// <summary>
    /// Folder of the guide Markdown files, absolute or relative to the content root. Unset: the first
    /// <c>annotation-guides/</c> found walking up from the content root, else the copy beside the binaries.
    /// </summary>
    public string? GuidesPath { get; set; }

    /// <summary>The folder to read, or null when none exists (the console then shows intent descriptions only).</summary>
    public string? Resolve(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(GuidesPath))
            return Path.GetFullPath(GuidesPath, contentRoot);
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate)) return candidate;
        }
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, FolderName);
        return Directory.Exists(besideBinaries) ? besideBinaries : null;
    }

    public IEnumerable<string> Validate(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(GuidesPath) && !Directory.Exists(Path.GetFullPath(GuidesPath, contentRoot)))
            yield return $"{SectionName}:GuidesPath: the folder '{GuidesPath}' does not exist (relative paths start at the content root {contentRoot}).";
    }
}
