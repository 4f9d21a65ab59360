using Microsoft.AspNetCore.Components.Routing;

namespace PuoAiOps.Web.Hosting;

/// <summary>
/// Security headers on every response, errors and static files included. The CSP allows no inline
/// script and no inline style: behaviour lives in wwwroot/js modules, looks in wwwroot/css classes.
/// API answers and downloads (exports) carry workspace data and get <c>Cache-Control: no-store</c>, so
/// neither a shared proxy nor the browser's disk cache keeps a copy after sign-out.
/// Interactive (MudBlazor) pages also allow inline styles, nothing else: docs/decisions/0006. The static
/// pages (sign-in, setup, status pages) keep the strict policy: their theme comes from /theme.css.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>The policy of interactive pages: MudBlazor sets style attributes and renders its theme in a style element.</summary>
    public const string InteractiveContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// The API reference page only (<see cref="Api.BotApiReference"/>): its viewer starts from an inline
    /// module script and styles itself inline. It shows a public document and holds no session data.
    /// </summary>
    public const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        // Decided now: an error re-executed as /status/404 must keep the rule of the original path.
        var isApi = context.Request.IsApi();
        var isReference = context.Request.Path.StartsWithSegments(Api.BotApiReference.ReferencePath, StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            if (isApi || headers.ContentDisposition.Any(v => v?.StartsWith("attachment", StringComparison.OrdinalIgnoreCase) == true))
                headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = isReference ? ApiReferenceContentSecurityPolicy
                : ((HttpContext)state).AcceptsInteractiveRouting() ? InteractiveContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
