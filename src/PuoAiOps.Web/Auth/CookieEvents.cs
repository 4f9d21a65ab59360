using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Auth;

/// <summary>
/// Turns the cookie handler's redirects into what each kind of client expects: the REST API gets
/// 401/403, browsers get the login redirect, and a forbidden page answers 403 in place (the status
/// page middleware renders the explanation).
/// </summary>
internal static class CookieEvents
{
    public static CookieAuthenticationEvents Create() => new()
    {
        OnValidatePrincipal = SessionValidator.ValidateAsync,
        OnRedirectToLogin = ToLoginAsync,
        OnRedirectToAccessDenied = ToForbiddenAsync,
        OnRedirectToLogout = context => RedirectAsync(context),
        OnRedirectToReturnUrl = context => RedirectAsync(context),
    };

    private static Task ToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (http.Request.IsApi())
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        return RedirectAsync(context);
    }

    private static Task ToForbiddenAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
