using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Auth;

/// <summary>Sign-in attempts are limited per client address and per email (429 with Retry-After), on a clock the test moves.</summary>
public sealed class SignInLimitTests(SignInLimitTests.Fixture team) : IClassFixture<SignInLimitTests.Fixture>
{
    public sealed class Fixture : TeamFixture
    {
        public const int PerAddress = 6;
        public const int PerAccount = 3;

        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        public Fixture()
        {
            Factory.Settings["SignIn:AddressPermitLimit"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Factory.Settings["SignIn:AddressWindowSeconds"] = "60";
            Factory.Settings["SignIn:AccountPermitLimit"] = PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Factory.Settings["SignIn:AccountWindowSeconds"] = "600";
            Factory.ConfigureServices.Add(services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                PeerAddress.Register(services);
            });
        }
    }

    private static int _nextPeer;

    /// <summary>Each test signs in from addresses of its own, so their counts do not mix.</summary>
    private ConsoleClient FreshClient() => team.CreateClient().From($"198.51.100.{Interlocked.Increment(ref _nextPeer)}");

    [Fact]
    public async Task AttemptsForOneEmail_OverTheLimit_Get429WithRetryAfter_KnownOrUnknownAlike()
    {
        var user = await team.CreateUserAsync(Roles.Viewer);
        foreach (var email in new[] { user.Email!, $"nobody-{Guid.NewGuid():N}@example.test" })
        {
            for (var attempt = 1; attempt <= Fixture.PerAccount; attempt++)
            {
                using var client = FreshClient();
                using var allowed = await ConsoleFixture.TrySignInAsync(client, email, "wrong password " + attempt);
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }
            using var other = FreshClient();
            using var refused = await ConsoleFixture.TrySignInAsync(other, email, ConsoleFixture.Password);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 600);
            Assert.Contains(AccountTexts.LoginThrottled, (await other.ReadPageAsync(refused)).Text, StringComparison.Ordinal);
        }

        // Once the window has passed the right password works again.
        team.Time.Advance(TimeSpan.FromSeconds(601));
        using var later = FreshClient();
        using var signedIn = await ConsoleFixture.TrySignInAsync(later, user.Email!, ConsoleFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task AttemptsFromOneAddress_OverTheLimit_Get429WithRetryAfter_OtherAddressesDoNot()
    {
        using var sprayer = FreshClient();
        for (var attempt = 1; attempt <= Fixture.PerAddress; attempt++)
        {
            using var allowed = await ConsoleFixture.TrySignInAsync(sprayer, $"target{attempt}-{Guid.NewGuid():N}@example.test", "Winter2026!");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await ConsoleFixture.TrySignInAsync(sprayer, $"another-{Guid.NewGuid():N}@example.test", "Winter2026!");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);

        // Reading the form stays free, and another address signs in as usual.
        using var form = await sprayer.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        using var colleague = FreshClient();
        using var signedIn = await ConsoleFixture.TrySignInAsync(colleague, team.Users[Roles.Viewer].Email!, ConsoleFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnconfiguredSender_DoesNotEscapeTheAddressLimit()
    {
        using var sprayer = FreshClient();
        for (var attempt = 0; attempt <= Fixture.PerAddress; attempt++)
        {
            sprayer.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            sprayer.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{attempt + 1}");
            using var response = await ConsoleFixture.TrySignInAsync(sprayer, $"t{attempt}-{Guid.NewGuid():N}@example.test", "Summer2026!");
            Assert.Equal(attempt < Fixture.PerAddress ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }
}
