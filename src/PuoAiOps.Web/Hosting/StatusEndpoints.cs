using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using PuoAiOps.Web.Components.Static;

namespace PuoAiOps.Web.Hosting;

/// <summary>
/// Where error statuses and unhandled exceptions are re-executed (see <see cref="ConsolePipeline"/>).
/// Browsers get a page in the console's look and the reader's language (<c>Components/Static/StatusDocument</c>);
/// the API and other clients get RFC 9457 problem details. Never a stack trace.
/// </summary>
internal static class StatusEndpoints
{
    public const string PathFormat = "/status/{0}";

    private const string EnhancedNavigationHeader = "blazor-enhanced-nav";

    public static IEndpointRouteBuilder MapStatusPages(this IEndpointRouteBuilder endpoints)
    {
        // Any method: the failed request may have been a POST, and is re-executed as it was.
        endpoints.Map("/status/{code:int}", Handle).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Handle(int code, HttpContext context)
    {
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = context.Features.Get<IExceptionHandlerPathFeature>();
        // Visited directly rather than re-executed: nothing failed, so there is nothing to show.
        if (reExecuted is null && failed is null) code = StatusCodes.Status404NotFound;
        // After an exception the handler path says 500, but the exception handler's status selector
        // may have chosen better (413 for a body too large, 404 for a NotFoundException...).
        if (failed is not null && context.Response.StatusCode >= 400) code = context.Response.StatusCode;
        if (code is < 400 or > 599) code = StatusCodes.Status500InternalServerError;
        // A busy database (503) outside an endpoint's own error mapping still says when to retry.
        if (failed?.Error is { } error && ApplicationErrorMapping.From(error)?.RetryAfter is { } wait) ApplicationErrorMapping.SetRetryAfter(context.Response, wait);

        var originalPath = reExecuted?.OriginalPath ?? failed?.Path ?? context.Request.Path;
        var isApi = originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || originalPath == "/api";
        if (isApi || !context.Request.WantsHtmlPage())
            return TypedResults.Problem(statusCode: code, instance: originalPath);

        // A page that called NavigationManager.NotFound() while prerendering has already marked the
        // response for enhanced navigation; the status document marks it again (and would fail on the duplicate).
        context.Response.Headers.Remove(EnhancedNavigationHeader);
        return new RazorComponentResult<StatusDocument>(new { StatusCode = code }) { StatusCode = code };
    }
}
