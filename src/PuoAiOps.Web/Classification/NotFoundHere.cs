using Microsoft.AspNetCore.Diagnostics;

namespace PuoAiOps.Web.Classification;

/// <summary>
/// A page that explains "not found" itself (inside the shell, with a way back) still answers 404.
/// Setting the status while rendering would make the component renderer drop the body and hand the
/// request to the generic status page; so the status is set as the response starts, and status-code
/// re-execution is switched off for this request.
/// </summary>
internal static class NotFoundHere
{
    public static void Mark(HttpContext http)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        http.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }, http.Response);
    }
}
