using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;

namespace PuoAiOps.Web.Hosting;

/// <summary>
/// A page form posted without a valid token (an expired form, a forged post) gets the console's 400
/// page instead of the framework's text for developers. Runs after UseAntiforgery, which recorded the
/// result; leaving the body empty lets the status-code pages render the explanation.
/// </summary>
internal sealed class PageAntiforgeryMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
