using System.Text.Json;

namespace PuoAiOps.Web.Hosting;

/// <summary>htmx configuration, rendered into the <c>htmx-config</c> meta tag of every page.</summary>
public static class HtmxSettings
{
    /// <summary>
    /// includeIndicatorStyles: htmx would inject a &lt;style&gt; element, which the CSP blocks (app.css has the rules).
    /// allowEval, allowScriptTags: no code from attributes or swapped fragments, matching the CSP.
    /// responseHandling: 422 (refused), 409 (conflict) and 413 (too large) carry a re-rendered fragment with
    /// their message (see ApplicationErrorMapping), so they are swapped; other 4xx/5xx are not swapped
    /// and raise htmx:responseError (app.js shows a toast).
    /// attributesToSettle without "style": when a swapped element keeps its id, htmx copies the old
    /// element's style attribute onto the new one, an inline style the CSP refuses (a console error per swap).
    /// </summary>
    public static readonly string ConfigJson = JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["includeIndicatorStyles"] = false,
        ["allowEval"] = false,
        ["allowScriptTags"] = false,
        ["historyCacheSize"] = 0,
        ["attributesToSettle"] = new[] { "class", "width", "height" },
        ["responseHandling"] = new object[]
        {
            new { code = "204", swap = false },
            new { code = "[23]..", swap = true },
            new { code = "422", swap = true },
            new { code = "409", swap = true },
            new { code = "413", swap = true },
            new { code = "[45]..", swap = false, error = true },
            new { code = "...", swap = false },
        },
    });
}
