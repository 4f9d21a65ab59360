using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Web.Annotation.Guides;

/// <summary>
/// The annotation guides folder, rendered on demand and cached per file until the file changes
/// (editing a guide shows up without a restart). Only <c>*.md</c> files directly in the folder are
/// served: names from requests are matched against that list, never joined into paths.
/// </summary>
public sealed partial class GuideLibrary
{
    private readonly ConcurrentDictionary<string, (DateTime Written, GuideDocument Document)> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger<GuideLibrary> _logger;

    public GuideLibrary(IOptions<GuideOptions> options, IWebHostEnvironment environment, ILogger<GuideLibrary> logger)
    {
        _logger = logger;
        Folder = options.Value.Resolve(environment.ContentRootPath);
        if (Folder is null) LogNoGuides(logger, GuideOptions.FolderName);
    }

    /// <summary>The folder read, or null when there is none.</summary>
    public string? Folder { get; }

    /// <summary>Guide files, README (the general rules) first, then by name.</summary>
    public IReadOnlyList<string> FileNames()
    {
        if (Folder is null || !Directory.Exists(Folder)) return [];
        return Directory.EnumerateFiles(Folder, "*.md", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName).OfType<string>()
            .OrderBy(n => n.Equals("README.md", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The rendered guide, or null when no such file is in the folder.</summary>
    public GuideDocument? Get(string fileName)
    {
        var name = FileNames().FirstOrDefault(n => n.Equals(fileName, StringComparison.OrdinalIgnoreCase));
        if (name is null) return null;
        var path = Path.Combine(Folder!, name);
        try
        {
            var written = File.GetLastWriteTimeUtc(path);
            if (_cache.TryGetValue(name, out var cached) && cached.Written == written) return cached.Document;
            var document = GuideRenderer.Render(name, File.ReadAllText(path));
            _cache[name] = (written, document);
            return document;
        }
        catch (IOException ex)
        {
            LogUnreadable(_logger, name, ex);
            return null;
        }
    }

    /// <summary>The section a GuideRef such as <c>payments.md#payment-failed</c> points at, or null.</summary>
    public GuideSection? Section(string? guideRef)
    {
        if (GuideLinks.Parse(guideRef) is not var (file, anchor) || anchor is null) return null;
        return Get(file)?.Sections.GetValueOrDefault(anchor);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Folder} folder found: the labeling pages show intent descriptions instead of guide sections")]
    private static partial void LogNoGuides(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Guide {File} could not be read")]
    private static partial void LogUnreadable(ILogger logger, string file, Exception exception);
}
