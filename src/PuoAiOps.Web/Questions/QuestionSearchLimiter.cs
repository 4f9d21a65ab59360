using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Web.Questions;

/// <summary>
/// The per-user search allowance of the interactive question list (the same <c>Questions:SearchLimit</c> as
/// <c>GET /questions?q=</c>): searches typed on the page travel over the circuit, not as requests the
/// rate-limiting middleware sees. A few at once and a token bucket over time, one partition per user.
/// </summary>
public sealed class QuestionSearchLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public QuestionSearchLimiter(IOptions<QuestionSearchLimitOptions> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.Get(user, _ => RateLimiter.CreateChained(
            new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limits.Concurrent, QueueLimit = 0 }),
            new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst, TokensPerPeriod = limits.PerRefill, ReplenishmentPeriod = limits.RefillPeriod,
                QueueLimit = 0, AutoReplenishment = true,
            }))));
    }

    /// <summary>A lease to hold while the search runs (dispose it after); not acquired when the user is over the allowance.</summary>
    public RateLimitLease TryAcquire(string userId) => _limiter.AttemptAcquire(userId);

    public void Dispose() => _limiter.Dispose();
}
