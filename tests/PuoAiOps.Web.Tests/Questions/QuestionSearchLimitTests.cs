using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Questions;

/// <summary>A team on a console whose search allowance (3, refilled hourly) is small enough to use up in a test.</summary>
public sealed class SmallSearchLimitFixture : TeamFixture
{
    public const int Burst = 3;

    public SmallSearchLimitFixture()
    {
        Factory.Settings["Questions:SearchLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Factory.Settings["Questions:SearchLimit:PerRefill"] = "1";
        Factory.Settings["Questions:SearchLimit:RefillPeriod"] = "01:00:00";
    }
}

public sealed class QuestionSearchLimitTests(SmallSearchLimitFixture team) : IClassFixture<SmallSearchLimitFixture>
{
    [Fact]
    public async Task Search_BeyondTheUsersAllowance_Answers429WithRetryAfter_OtherUsersAndTheListUnaffected()
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        for (var i = 0; i < SmallSearchLimitFixture.Burst; i++)
        {
            using var allowed = await curator.GetAsync($"/questions?q=gift{i}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await curator.GetAsync("/questions?q=gift");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.TryParse(limited.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                 ?? limited.Headers.GetValues("Retry-After").Single(), out var seconds) && seconds >= 1,
            $"Retry-After: {string.Join(",", limited.Headers.TryGetValues("Retry-After", out var v) ? v : [])}");

        using var list = await curator.GetAsync("/questions");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var admin = await team.SignInAsAsync(Roles.Admin);
        using var other = await admin.GetAsync("/questions?q=gift");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
