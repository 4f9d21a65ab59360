using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Auth;

/// <summary>A refused sign-in must not tell whether the email has an account: same answer, same hashing work.</summary>
public sealed class SignInDisclosureTests(SignInDisclosureTests.Fixture team) : IClassFixture<SignInDisclosureTests.Fixture>
{
    public sealed class Fixture : TeamFixture
    {
        public CountingHasher Hasher { get; } = new();

        public Fixture() => Factory.ConfigureServices.Add(services => services.AddScoped<IPasswordHasher<AppUser>>(sp =>
            Hasher.Around(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()))));
    }

    /// <summary>Counts password verifications (the expensive step whose absence shows in response times).</summary>
    public sealed class CountingHasher
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public IPasswordHasher<AppUser> Around(IPasswordHasher<AppUser> inner) => new Counting(inner, this);

        private sealed class Counting(IPasswordHasher<AppUser> inner, CountingHasher counter) : IPasswordHasher<AppUser>
        {
            public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter._verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }

    [Fact]
    public async Task SignIn_VerifiesOnePasswordHash_ForUnknownLockedDisabledAndExistingAccountsAlike()
    {
        var existing = await team.CreateUserAsync(Roles.Viewer);
        var disabled = await team.CreateUserAsync(Roles.Viewer, disabled: true);
        var locked = await LockedUserAsync();
        var cases = new Dictionary<string, string>
        {
            ["unknown email"] = $"nobody-{Guid.NewGuid():N}@example.test",
            ["wrong password"] = existing.Email!,
            ["disabled account"] = disabled.Email!,
            ["locked account"] = locked.Email!,
        };
        foreach (var (what, email) in cases)
        {
            using var client = team.CreateClient();
            var before = team.Hasher.Verifications;
            using var response = await ConsoleFixture.TrySignInAsync(client, email, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(team.Hasher.Verifications - before == 1, $"{what}: {team.Hasher.Verifications - before} password verifications");
        }
    }

    [Fact]
    public async Task SignIn_UnknownEmailAndLockedAccount_GetTheSameAnswer()
    {
        var locked = await LockedUserAsync();
        var unknown = await AnswerAsync($"nobody-{Guid.NewGuid():N}@example.test", ConsoleFixture.Password);
        // Even the right password of a locked account gets the answer of an unknown email.
        var lockedAnswer = await AnswerAsync(locked.Email!, ConsoleFixture.Password);
        Assert.Equal(unknown.Status, lockedAnswer.Status);
        Assert.Equal(unknown.Messages, lockedAnswer.Messages);
        Assert.Equal([AccountTexts.LoginFailed], unknown.Messages);
    }

    private async Task<(HttpStatusCode Status, string[] Messages)> AnswerAsync(string email, string password)
    {
        using var client = team.CreateClient();
        using var response = await ConsoleFixture.TrySignInAsync(client, email, password);
        var page = await client.ReadPageAsync(response);
        return (page.Status, page.Document.QuerySelectorAll("[data-testid=form-errors]").Select(a => a.TextContent.Trim()).ToArray());
    }

    private async Task<AppUser> LockedUserAsync()
    {
        var user = await team.CreateUserAsync(Roles.Reviewer);
        await team.WithServiceAsync<UserManager<AppUser>, IdentityResult>(async users =>
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddHours(1)));
        return user;
    }
}
