using PuoAiOps.Application.SignIn;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Auth;

/// <summary>
/// There are no default credentials: until the first admin exists every page leads to /setup, and
/// afterwards /setup no longer exists (404). The REST API, health check, status pages and the theme
/// stylesheet the setup page itself needs are left alone (the API answers 401 as usual).
/// </summary>
internal sealed class SetupGateMiddleware(RequestDelegate next, WorkspaceSetupState state)
{
    public const string SetupPath = "/setup";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/healthz") || path.StartsWithSegments("/status") ||
            path.StartsWithSegments(ThemeStylesheet.Path) || context.Request.IsApi())
        {
            await next(context);
            return;
        }

        var hasUsers = await state.HasUsersAsync(context.RequestServices, context.RequestAborted);
        var isSetup = path.StartsWithSegments(SetupPath);
        if (hasUsers && isSetup)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (hasUsers || isSetup)
        {
            await next(context);
            return;
        }

        context.Response.Redirect(SetupPath);
    }
}
