using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Application.SignIn;

/// <summary>
/// How many sign-in attempts are allowed, per account and per client address. The account limit
/// counts every attempt for an email, whether or not such an account exists, so a refusal says
/// nothing about which accounts exist. One instance per process (the counts live in memory: with
/// several console instances each enforces its own share).
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly IOptions<SignInOptions> _options;
    private readonly TimeProvider _time;
    private readonly PartitionedRateLimiter<string> _accounts;

    public SignInThrottle(IOptions<SignInOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _accounts = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.Get(email, _ => new WindowRateLimiter(
            options.Value.AccountPermitLimit, TimeSpan.FromSeconds(options.Value.AccountWindowSeconds), time)));
    }

    /// <summary>Takes one attempt for <paramref name="email"/>; false (with the wait) when its limit is used up.</summary>
    public bool TryAcquireAccount(string email, out TimeSpan retryAfter)
    {
        using var lease = _accounts.AttemptAcquire(email.Trim().ToUpperInvariant());
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.Zero;
        return lease.IsAcquired;
    }

    /// <summary>A limiter for one client address (the web host's rate-limiting policy partitions by address).</summary>
    public RateLimiter NewAddressLimiter() =>
        new WindowRateLimiter(_options.Value.AddressPermitLimit, TimeSpan.FromSeconds(_options.Value.AddressWindowSeconds), _time);

    public void Dispose() => _accounts.Dispose();
}
