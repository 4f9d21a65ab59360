using Microsoft.AspNetCore.Diagnostics;
using PuoAiOps.Web.Annotation;

namespace PuoAiOps.Web.Shell;

/// <summary>
/// "Not found" for an interactive page: while prerendering, the response answers 404 and the page shows
/// its own message inside the console shell, with a way back. Neither NavigationManager.NotFound() nor
/// the status-code pages fit here today: without a Router NotFoundPage the former sends an empty body,
/// and re-executing /status/404 renders a second component response in the same request, which the
/// component renderer refuses (a 500). Over the circuit the message alone is shown.
/// </summary>
public static class NotFoundInShell
{
    public static void Answer(HttpContext? prerendering)
    {
        if (prerendering is null || prerendering.Response.HasStarted) return;
        if (prerendering.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        PageStatus.Set(prerendering, StatusCodes.Status404NotFound);
    }
}
