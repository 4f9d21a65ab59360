namespace PuoAiOps.Web.Hosting;

/// <summary>Answers that work for htmx and for a plain form post alike.</summary>
public static class HtmxResults
{
    /// <summary>
    /// Sends the browser to <paramref name="url"/> (a local path) after a successful post: htmx follows
    /// the <c>HX-Redirect</c> header with a full page load; a plain form post gets 303 See Other.
    /// </summary>
    public static IResult Redirect(HttpContext http, string url)
    {
        if (!http.Request.IsHtmx()) return new SeeOther(url);
        http.Response.Headers["HX-Redirect"] = url;
        return Results.Ok();
    }

    private sealed class SeeOther(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
