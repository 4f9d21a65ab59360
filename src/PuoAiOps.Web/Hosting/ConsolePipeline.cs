using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Hosting;

/// <summary>The request pipeline, in one place so its order (which matters) is reviewed as a whole.</summary>
public static class ConsolePipeline
{
    public static WebApplication UseConsolePipeline(this WebApplication app)
    {
        app.UseConsoleProxy();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Re-executes /status/500 in a fresh scope: the failed request's DbContext may be unusable.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/status/500",
            CreateScopeForErrors = true,
            // A page whose service says "no such intent" (NotFoundException, ...) answers like an unknown path.
            StatusCodeSelector = StatusFor,
            // A client error (unknown id, cut-off upload...) is not a bug: no error log with a stack trace.
            SuppressDiagnosticsCallback = context => StatusFor(context.Exception) < StatusCodes.Status500InternalServerError,
        });
        // A fresh scope too: an interactive page that called NavigationManager.NotFound() while
        // prerendering has initialised the request's navigation manager, which the status page needs anew.
        app.UseStatusCodePagesWithReExecute(StatusEndpoints.PathFormat, createScopeForStatusCodePages: true);

        // Static files are public and served before authentication (no session check per asset).
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

        app.UseRouting();
        app.UseAuthentication();
        // After authentication: a signed-in user's saved language comes first.
        app.UseConsoleLocalization();
        app.UseMiddleware<SetupGateMiddleware>();
        // After routing (policies are endpoint metadata) and authentication (the question search's limit is per
        // user); before authorization, the form and the user store. Sign-in's limit is per client address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<PageAntiforgeryMiddleware>();
        return app;
    }

    private static int StatusFor(Exception exception) => exception is BadHttpRequestException bad ? bad.StatusCode
        : ApplicationErrorMapping.From(exception)?.Status ?? StatusCodes.Status500InternalServerError;
}
