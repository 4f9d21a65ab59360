using System.Net;
using System.Text.RegularExpressions;

namespace PuoAiOps.Application.VectorSearch.Qdrant;

/// <summary><c>VectorSearch:Qdrant</c> settings, used when <c>VectorSearch:Provider</c> is Qdrant.</summary>
public sealed partial class QdrantOptions
{
    public const string SectionName = VectorSearchOptions.SectionName + ":Qdrant";

    /// <summary>The gRPC endpoint (port 6334 by default). <c>https://</c> turns TLS on.</summary>
    public string Url { get; set; } = "http://localhost:6334";

    /// <summary>Sent as the <c>api-key</c> header; only over https, or to a loopback address.</summary>
    public string? ApiKey { get; set; }

    public string Collection { get; set; } = "puo_knowledge";

    /// <summary>Time limit of one call (each attempt).</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Retries after a transient failure (unavailable, deadline exceeded, overloaded), with exponential backoff and jitter.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The first retry's delay; each further retry doubles it.</summary>
    public int RetryDelayMilliseconds { get; set; } = 200;

    /// <summary>Points per upsert call.</summary>
    public int BatchSize { get; set; } = 256;

    public Uri Address => new(Url, UriKind.Absolute);

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            yield return $"{SectionName}:Url must be an http:// or https:// address with no path, such as http://localhost:6334 (was '{Url}').";
        else if (!string.IsNullOrEmpty(ApiKey) && uri.Scheme == "http" && !IsLoopback(uri))
            yield return $"{SectionName}:ApiKey would be sent in clear text to {uri.Host}: use an https:// Url.";
        if (ApiKey is { } key && (key.Length == 0 || key.Any(char.IsWhiteSpace)))
            yield return $"{SectionName}:ApiKey must be a non-empty value without spaces, or unset.";
        if (!CollectionName().IsMatch(Collection))
            yield return $"{SectionName}:Collection must be 1-64 letters, digits, '_' or '-' (was '{Collection}').";
        if (TimeoutSeconds is < 0.1 or > 300) yield return $"{SectionName}:TimeoutSeconds must be between 0.1 and 300.";
        if (Retries is < 0 or > 10) yield return $"{SectionName}:Retries must be between 0 and 10.";
        if (RetryDelayMilliseconds is < 1 or > 60_000) yield return $"{SectionName}:RetryDelayMilliseconds must be between 1 and 60000.";
        if (BatchSize is < 1 or > 10_000) yield return $"{SectionName}:BatchSize must be between 1 and 10000.";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CollectionName();
}
