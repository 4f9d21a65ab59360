using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Hosting;

/// <summary>The request pipeline, in one place so its order (which matters) is reviewed as a whole.</summary>
public static class ConsolePipeline
{
    public static WebApplication UseConsolePipeline(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Re-executes /status/500 in a fresh scope: the failed request's DbContext may be unusable.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/status/500",
            CreateScopeForErrors = true,
            // A page whose service says "no such intent" (NotFoundException, ...) answers like an unknown path.
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode
                : ApplicationErrorMapping.From(ex)?.Status ?? StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute(StatusEndpoints.PathFormat);

        // Static files are public and served before authentication (no session check per asset).
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<SetupGateMiddleware>();
        // After authentication: limits such as the question search's are per user. Endpoints opt in by policy name.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<PageAntiforgeryMiddleware>();
        return app;
    }
}
