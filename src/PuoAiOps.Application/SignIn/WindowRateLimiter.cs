using System.Threading.RateLimiting;

namespace PuoAiOps.Application.SignIn;

/// <summary>
/// A fixed-window limiter (at most N permits per window, no queue) that reads a <see cref="TimeProvider"/>.
/// The framework's limiters keep their own clock; this one lets tests move time instead of waiting.
/// A refused lease carries <see cref="MetadataName.RetryAfter"/> (the rest of the window).
/// </summary>
public sealed class WindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _used;

    /// <summary>How long all permits have been free (null while some are taken): lets the partitioned limiter drop idle addresses.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                if (_windowStart == DateTimeOffset.MinValue) return TimeSpan.MaxValue;
                var idleFor = time.GetUtcNow() - (_windowStart + window);
                return idleFor >= TimeSpan.Zero ? idleFor : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_gate)
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permitLimit - _used) };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_windowStart == DateTimeOffset.MinValue || now >= _windowStart + window)
            {
                _windowStart = now;
                _used = 0;
            }
            if (_used + permitCount <= permitLimit)
            {
                _used += permitCount;
                return Lease.Granted;
            }
            return new Lease(false, _windowStart + window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
