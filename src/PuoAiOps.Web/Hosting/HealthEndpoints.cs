using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Web.Hosting;

/// <summary><c>GET /healthz</c> for load balancers and orchestrators: anonymous, no details that help an attacker.</summary>
internal static partial class HealthEndpoints
{
    public sealed record HealthReport(string Status, string Database, string Provider);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync).AllowAnonymous().WithName("Health");
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(DatabaseProbe database, ILoggerFactory loggers, CancellationToken ct)
    {
        var provider = database.Provider.ToString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await database.ProbeAsync(timeout.Token);
            return Results.Ok(new HealthReport("ok", "reachable", provider));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogUnhealthy(loggers.CreateLogger("PuoAiOps.Web.Health"), ex);
            return Results.Json(new HealthReport("unhealthy", "unreachable", provider), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: database unreachable")]
    private static partial void LogUnhealthy(ILogger logger, Exception exception);
}
