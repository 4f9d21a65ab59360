using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Classification.Serving;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Classification;

/// <summary>Read-only REST view of the classifier versions (/api/v1/classifier).</summary>
internal static class ClassifierApi
{
    public sealed record ServingResponse(long? ServingVersionId, long? LoadedHereVersionId, string? LoadError);

    public static RouteGroupBuilder MapClassifierApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/classifier").RequireAuthorization(Policies.ContentArea);
        group.MapGet("/versions", (ModelRegistry registry, CancellationToken ct) => registry.ListAsync(ct));
        group.MapGet("/versions/{id:long}", async (long id, ModelRegistry registry, CancellationToken ct) =>
            await registry.GetAsync(id, ct) is { } detail ? Results.Ok(detail) : Results.NotFound());
        group.MapGet("/serving", async (ModelRegistry registry, ServingClassifier serving, CancellationToken ct) =>
            new ServingResponse(await registry.ServingIdAsync(ct), serving.LoadedVersionId, serving.LastError));
        return api;
    }
}
