using Microsoft.AspNetCore.Antiforgery;

namespace PuoAiOps.Web.Hosting;

/// <summary>
/// Validates the antiforgery token before a state-changing endpoint runs. Minimal APIs only enforce
/// it when they read the form; this filter makes the check independent of how parameters bind.
/// </summary>
internal sealed class AntiforgeryEndpointFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
            return await next(context);
        var validation = http.Features.Get<IAntiforgeryValidationFeature>();
        var valid = validation?.IsValid ?? await antiforgery.IsRequestValidAsync(http);
        return valid
            ? await next(context)
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token.");
    }
}

/// <summary>
/// Marks an endpoint guarded by <see cref="AntiforgeryEndpointFilter"/> (filters are invisible in
/// endpoint metadata), so the endpoint tests can tell it from one that forgot the check. Unlike
/// <c>RequireAntiforgeryTokenAttribute</c> it does not make the middleware read the form first.
/// </summary>
public sealed class AntiforgeryFilterMetadata
{
    public static readonly AntiforgeryFilterMetadata Instance = new();

    private AntiforgeryFilterMetadata()
    {
    }
}

public static class AntiforgeryEndpointFilterExtensions
{
    /// <summary>Require a valid antiforgery token (form field or X-CSRF-TOKEN header) on non-GET requests.</summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AntiforgeryEndpointFilter>().WithMetadata(AntiforgeryFilterMetadata.Instance);
}
