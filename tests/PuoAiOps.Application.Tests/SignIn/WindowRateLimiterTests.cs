using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using PuoAiOps.Application.SignIn;

namespace PuoAiOps.Application.Tests.SignIn;

public sealed class WindowRateLimiterTests
{
    [Fact]
    public void OverTheLimit_IsRefusedWithTheRestOfTheWindow_ThenAllowedInTheNextOne()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
        using var limiter = new WindowRateLimiter(2, TimeSpan.FromMinutes(5), time);
        Assert.Equal(TimeSpan.MaxValue, limiter.IdleDuration);

        using (var first = limiter.AttemptAcquire()) Assert.True(first.IsAcquired);
        time.Advance(TimeSpan.FromMinutes(1));
        using (var second = limiter.AttemptAcquire()) Assert.True(second.IsAcquired);
        using (var third = limiter.AttemptAcquire())
        {
            Assert.False(third.IsAcquired);
            Assert.True(third.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
            Assert.Equal(TimeSpan.FromMinutes(4), retryAfter);
        }
        Assert.Null(limiter.IdleDuration);

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(TimeSpan.Zero, limiter.IdleDuration);
        using var next = limiter.AttemptAcquire();
        Assert.True(next.IsAcquired);
    }
}
