using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace PuoAiOps.Web.Api;

/// <summary>
/// The bot API's OpenAPI document (<c>/openapi/v1.json</c>) and its readable reference page
/// (<c>/api-reference</c>, Scalar, served from the package: no CDN). Only the bot endpoints are
/// documented, and both are open without a session: the channels' developers hold API keys, not
/// console accounts. The page needs inline script and style, so it alone gets a looser CSP
/// (<see cref="Hosting.SecurityHeadersMiddleware"/>, docs/decisions/0010).
/// </summary>
public static class BotApiReference
{
    public const string DocumentName = "v1";
    public const string ReferencePath = "/api-reference";

    public static IHostApplicationBuilder AddBotApiReference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().Any(t => t.Tags.Contains(BotApi.Tag));
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PuoAiOps bot API";
                document.Info.Description =
                    "The Q&A bot for service channels. Authenticate every request with an API key " +
                    "(`Authorization: Bearer puo_…` or `X-Api-Key: puo_…`; create one in Admin › API keys or with `puo apikey create`). " +
                    "Each key has a request budget per minute; over it the API answers 429 with Retry-After. " +
                    "Errors are RFC 9457 problem details; validation errors list the fields under `errors`.";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapBotApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference(ReferencePath, o =>
        {
            o.Title = "PuoAiOps bot API";
            o.AddDocument(DocumentName);
        }).AllowAnonymous();
        return endpoints;
    }
}
