using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PuoAiOps.Web.Api;

/// <summary>
/// Documents a JSON request body without <c>Accepts</c> metadata: that metadata makes routing answer
/// 415 to other content types before authorization runs, so a caller without a key would learn about
/// the body before being told it may not call the endpoint. The body is read by <see cref="BotApiBody"/>.
/// </summary>
internal static class BotApiDocumentation
{
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
