using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using PuoAiOps.Application.SignIn;

namespace PuoAiOps.Web.Auth;

/// <summary>
/// The framework's rate limiting on the sign-in form: posts from one client address are limited
/// (password spraying across many accounts). The address is the connection's, after the forwarded
/// headers of configured proxies only, so a client cannot pick its own. GETs of the form are free.
/// The per-account limit is applied by the form itself (it needs the posted email).
/// </summary>
public static class SignInRateLimits
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                    SetRetryAfter(context.HttpContext.Response, wait);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Policy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var throttle = http.RequestServices.GetRequiredService<SignInThrottle>();
                return RateLimitPartition.Get(address, _ => throttle.NewAddressLimiter());
            });
        });

    /// <summary>Retry-After in whole seconds, rounded up (never 0 while refused).</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
