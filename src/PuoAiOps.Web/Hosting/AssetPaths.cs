using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PuoAiOps.Web.Hosting;

/// <summary>
/// URLs of files under wwwroot with a content hash appended (<c>/css/app.css?v=1a2b3c4d</c>), so
/// browsers may cache them and still pick up a new release at once.
/// </summary>
public sealed class AssetPaths(IWebHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);

    public string this[string path] => _urls.GetOrAdd(path, Versioned);

    private string Versioned(string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists) return "/" + path;
        using var stream = file.CreateReadStream();
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        return $"/{path}?v={hash}";
    }
}
