using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Bot;

namespace PuoAiOps.Web.Auth;

/// <summary>
/// Each API key has its own budget of requests per minute (the key's own limit, else
/// <see cref="BotOptions.RequestsPerMinute"/>): a token bucket refilled every second, so a client
/// can burst up to a minute's budget. A refused request gets 429 with Retry-After and problem details.
/// Requests without a valid key are not limited here: they stop at authorization (401) for the price of one cached lookup.
/// </summary>
public sealed class BotApiRateLimitPolicy(IOptions<BotOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "bot-api";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1);
        SignInRateLimits.SetRetryAfter(context.HttpContext.Response, wait);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests for this API key.",
            detail: $"Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)} s.").ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var user = httpContext.User;
        if (user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is not { } keyId) return RateLimitPartition.GetNoLimiter("no-key");
        var perMinute = int.TryParse(user.FindFirst(ApiKeyAuthenticationHandler.RateClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var own)
            ? own : options.Value.RequestsPerMinute;
        // The limit is part of the partition key, so a changed limit takes effect with a fresh bucket.
        return RateLimitPartition.GetTokenBucketLimiter($"{keyId}/{perMinute}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, perMinute / 60),
            ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}

public static class BotApiRateLimits
{
    public static IServiceCollection AddBotApiRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o => o.AddPolicy<string, BotApiRateLimitPolicy>(BotApiRateLimitPolicy.Name));
}
