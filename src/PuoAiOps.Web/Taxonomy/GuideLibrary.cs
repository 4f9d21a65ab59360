using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsoft.Extensions.Options;
using PuoAiOps.Core.Taxonomy;

namespace PuoAiOps.Web.Taxonomy;

/// <summary>A rendered guide, or one section of it (the blocks under a heading, heading excluded).</summary>
public sealed record GuideSection(string File, string? Anchor, string Title, string Html);

/// <summary>
/// Reads the annotation guides (Markdown files in <c>annotation-guides/</c>) and renders a whole guide or
/// the section an intent's guide reference points at. Rendered HTML is cached until the file changes.
/// </summary>
public sealed partial class GuideLibrary(IOptions<GuideOptions> options, IHostEnvironment environment)
{
    private readonly ConcurrentDictionary<(string File, string? Anchor), (DateTime Stamp, GuideSection? Section)> _cache = new();
    private readonly Lazy<string?> _folder = new(() => ResolveFolder(options.Value.GuidesPath, environment.ContentRootPath));

    /// <summary>The guides folder in use, or null when none was found.</summary>
    public string? Folder => _folder.Value;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]*(/[A-Za-z0-9][A-Za-z0-9_\-]*)*\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex FileShape();

    /// <summary>A relative Markdown path inside the guides folder (no "..", no absolute paths).</summary>
    public static bool IsValidFileName(string? file) => file is not null && file.Length <= 200 && FileShape().IsMatch(file);

    /// <summary>Guide files (relative paths), README first.</summary>
    public IReadOnlyList<string> ListFiles()
    {
        if (Folder is null) return [];
        return Directory.EnumerateFiles(Folder, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(IsValidFileName)
            .OrderBy(f => f.Equals("README.md", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The section a reference such as <c>payments.md#recharge-failed</c> points at (the whole guide without an anchor); null when it does not exist.</summary>
    public Task<GuideSection?> GetAsync(string reference, CancellationToken ct = default) =>
        GetAsync(GuideReference.File(reference), GuideReference.Anchor(reference), ct);

    public async Task<GuideSection?> GetAsync(string file, string? anchor, CancellationToken ct = default)
    {
        if (Folder is null || !IsValidFileName(file)) return null;
        var path = Path.GetFullPath(Path.Combine(Folder, file));
        if (!path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path)) return null;

        var stamp = File.GetLastWriteTimeUtc(path);
        if (_cache.TryGetValue((file, anchor), out var cached) && cached.Stamp == stamp) return cached.Section;
        var markdown = await File.ReadAllTextAsync(path, ct);
        var section = Build(markdown, file, anchor);
        _cache[(file, anchor)] = (stamp, section);
        return section;
    }

    private static GuideSection? Build(string markdown, string file, string? anchor)
    {
        var document = GuideMarkdown.Parse(markdown, file);
        if (anchor is null)
        {
            var first = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
            var title = first is null ? file : HeadingText(markdown, first);
            return new GuideSection(file, null, title, GuideMarkdown.Render(document.Where(b => b != first)));
        }

        var blocks = document.ToList();
        var start = blocks.FindIndex(b => b is HeadingBlock h && h.GetAttributes().Id == anchor);
        if (start < 0) return null;
        var heading = (HeadingBlock)blocks[start];
        var section = blocks.Skip(start + 1).TakeWhile(b => b is not HeadingBlock h || h.Level > heading.Level);
        return new GuideSection(file, anchor, HeadingText(markdown, heading), GuideMarkdown.Render(section));
    }

    private static string HeadingText(string markdown, HeadingBlock heading) =>
        markdown.Substring(heading.Span.Start, heading.Span.Length).TrimStart('#').Trim();

    internal static string? ResolveFolder(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(Path.Combine(contentRoot, configured)).TrimEnd(Path.DirectorySeparatorChar);
            return Directory.Exists(full) ? full : null;
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, GuideOptions.DefaultFolderName);
            if (Directory.Exists(candidate)) return candidate;
        }
        var copied = Path.Combine(AppContext.BaseDirectory, GuideOptions.DefaultFolderName);
        return Directory.Exists(copied) ? Path.GetFullPath(copied).TrimEnd(Path.DirectorySeparatorChar) : null;
    }
}
