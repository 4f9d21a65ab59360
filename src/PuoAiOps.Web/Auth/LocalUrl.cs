namespace PuoAiOps.Web.Auth;

/// <summary>Only same-site paths are followed after sign-in (no open redirects).</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' &&
        (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) &&
        !url.Contains("://", StringComparison.Ordinal)
            ? url
            : "/";
}
