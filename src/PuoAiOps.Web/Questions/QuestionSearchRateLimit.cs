using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Questions;

/// <summary>Per-user limits of the question list's search (<c>Questions:SearchLimit</c>).</summary>
public sealed class QuestionSearchLimitOptions
{
    public const string SectionName = "Questions:SearchLimit";

    /// <summary>Searches one user may run at the same moment; a 1–2 character query still scans every question.</summary>
    public int Concurrent { get; set; } = 2;

    /// <summary>Searches one user may run back to back before the refill rate applies.</summary>
    public int Burst { get; set; } = 20;

    /// <summary>Searches given back every <see cref="RefillPeriod"/>.</summary>
    public int PerRefill { get; set; } = 5;

    public TimeSpan RefillPeriod { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Validate()
    {
        if (Concurrent < 1) yield return $"{SectionName}:Concurrent must be at least 1.";
        if (Burst < 1) yield return $"{SectionName}:Burst must be at least 1.";
        if (PerRefill < 1) yield return $"{SectionName}:PerRefill must be at least 1.";
        if (RefillPeriod <= TimeSpan.Zero) yield return $"{SectionName}:RefillPeriod must be positive (e.g. 00:00:01).";
    }
}

/// <summary>
/// Rate limiting of <c>/questions?q=</c>, per signed-in user: at most a few searches at once and a token bucket
/// over time; beyond that 429 with Retry-After. The list without a query is not limited. Its own policy name and
/// its own 429 answer, so other rate-limited endpoints keep theirs.
/// </summary>
public static class QuestionSearchRateLimit
{
    public const string PolicyName = "question-search-per-user";

    public static IHostApplicationBuilder AddQuestionSearchRateLimit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuestionSearchLimitOptions>()
            .Bind(builder.Configuration.GetSection(QuestionSearchLimitOptions.SectionName))
            .Validate(o => !o.Validate().Any(), "Questions:SearchLimit is invalid: Concurrent, Burst and PerRefill at least 1, RefillPeriod positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<QuestionSearchLimiter>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, Policy>(PolicyName));
        return builder;
    }

    private sealed class Policy(IOptions<QuestionSearchLimitOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            if (string.IsNullOrWhiteSpace(httpContext.Request.Query["q"].ToString()))
                return RateLimitPartition.GetNoLimiter("");
            // The page requires a signed-in user; the id is the partition, so one user's searches never slow another's.
            var user = httpContext.User.UserId() ?? "anonymous";
            var limits = options.Value;
            return RateLimitPartition.Get(user, _ => RateLimiter.CreateChained(
                new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limits.Concurrent, QueueLimit = 0 }),
                new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst, TokensPerPeriod = limits.PerRefill, ReplenishmentPeriod = limits.RefillPeriod,
                    QueueLimit = 0, AutoReplenishment = true,
                })));
        }
    }
}
