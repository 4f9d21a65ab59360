using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.VectorSearch;

namespace PuoAiOps.Web.Hosting;

/// <summary>
/// <c>GET /healthz</c> for load balancers and orchestrators: anonymous, no details that help an attacker.
/// "degraded" (still 200) when the database answers but a remote vector index (Qdrant) does not:
/// the console works and search falls back to the keyword index.
/// </summary>
internal static partial class HealthEndpoints
{
    public sealed record HealthReport(string Status, string Database, string Provider, string VectorIndex);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync).AllowAnonymous().WithName("Health");
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(DatabaseProbe database, IServiceProvider services, ILoggerFactory loggers, CancellationToken ct)
    {
        var provider = database.Provider.ToString();
        var logger = loggers.CreateLogger("PuoAiOps.Web.Health");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var vectors = await VectorIndexHealth.CheckAsync(services.GetService<IVectorIndex>(), timeout.Token);
        var vectorState = vectors.Provider is "embedded" or "none" ? vectors.Provider : vectors.Reachable ? "reachable" : "unreachable";
        if (vectors.Problem is { } problem) LogVectorIndexDown(logger, problem);
        try
        {
            await database.ProbeAsync(timeout.Token);
            return Results.Ok(new HealthReport(vectors.Reachable ? "ok" : "degraded", "reachable", provider, vectorState));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogUnhealthy(logger, ex);
            return Results.Json(new HealthReport("unhealthy", "unreachable", provider, vectorState), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: database unreachable")]
    private static partial void LogUnhealthy(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: vector index unreachable, search is keyword-only: {Problem}")]
    private static partial void LogVectorIndexDown(ILogger logger, string problem);
}
