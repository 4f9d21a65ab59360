namespace PuoAiOps.Web.Annotation;

/// <summary>Error statuses answered by a page itself, with its own explanation in the body (inside the shell).</summary>
public static class PageStatus
{
    /// <summary>
    /// Sets the status as the response starts, after the page has rendered. Set directly, a 404 makes
    /// the component endpoint drop the body and the status-code middleware re-execute /status/404 on the
    /// same request, which the component renderer refuses (500). Set at start, the page's own body goes out.
    /// </summary>
    public static void Set(HttpContext http, int status) =>
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        });
}
