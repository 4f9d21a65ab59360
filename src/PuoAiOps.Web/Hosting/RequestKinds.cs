namespace PuoAiOps.Web.Hosting;

/// <summary>What kind of client sent a request, so errors and redirects can answer in its language.</summary>
public static class RequestKinds
{
    public static bool IsApi(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>A full-page browser navigation that wants HTML back.</summary>
    public static bool WantsHtmlPage(this HttpRequest request) =>
        !request.IsApi() &&
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
