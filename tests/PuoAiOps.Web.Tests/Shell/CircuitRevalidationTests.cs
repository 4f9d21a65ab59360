using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>
/// The check an open circuit runs every minute, called directly (no waiting): the user as signed
/// in passes; disabled, removed, re-stamped or re-roled does not. Own fixture: it changes users.
/// </summary>
public sealed class CircuitRevalidationTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task Revalidation_KeepsAnUnchangedUser()
    {
        var user = await console.CreateUserAsync(Roles.Curator);
        Assert.True(await CheckAsync(await SignedInStateAsync(user)));
    }

    [Fact]
    public async Task Revalidation_EndsTheSessionOfADisabledUser()
    {
        var user = await console.CreateUserAsync(Roles.Curator);
        var state = await SignedInStateAsync(user);
        // Only the flag, not the stamp: the check must read IsDisabled itself.
        await console.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync([user.Id], TestContext.Current.CancellationToken))!.IsDisabled = true;
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        Assert.False(await CheckAsync(state));
    }

    [Fact]
    public async Task Revalidation_EndsTheSessionWhenTheRolesChange()
    {
        var user = await console.CreateUserAsync(Roles.Viewer);
        var state = await SignedInStateAsync(user);
        await UsingUsersAsync(async users =>
        {
            var stored = (await users.FindByIdAsync(user.Id))!;
            Assert.True((await users.AddToRoleAsync(stored, Roles.Curator)).Succeeded);
        });
        Assert.False(await CheckAsync(state));
    }

    [Fact]
    public async Task Revalidation_EndsTheSessionWhenTheSecurityStampChanges()
    {
        var user = await console.CreateUserAsync(Roles.Annotator);
        var state = await SignedInStateAsync(user);
        await UsingUsersAsync(async users => Assert.True((await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!)).Succeeded));
        Assert.False(await CheckAsync(state));
    }

    [Fact]
    public async Task Revalidation_EndsTheSessionOfARemovedUser()
    {
        var user = await console.CreateUserAsync(Roles.Reviewer);
        var state = await SignedInStateAsync(user);
        await UsingUsersAsync(async users => Assert.True((await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded));
        Assert.False(await CheckAsync(state));
    }

    [Fact]
    public async Task Revalidation_RejectsAnAnonymousState()
    {
        Assert.False(await CheckAsync(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal())));
    }

    [Fact]
    public async Task Circuits_UseTheRevalidatingProvider()
    {
        await using var scope = console.Services.CreateAsyncScope();
        Assert.IsType<CircuitAuthenticationRevalidator>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }

    [Theory]
    [InlineData("00:01:00", true)]
    [InlineData("00:00:15", true)]
    [InlineData("00:01:01", false)]
    [InlineData("00:00:00", false)]
    public void RevalidationInterval_IsAtMostAMinute(string interval, bool valid)
    {
        var result = new ShellOptions.Validator().Validate(null, new ShellOptions { RevalidationInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("Console:Shell:RevalidationInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RevalidationInterval_DefaultsToOneMinute() =>
        Assert.Equal(TimeSpan.FromMinutes(1), console.Services.GetRequiredService<IOptions<ShellOptions>>().Value.RevalidationInterval);

    private async Task<AuthenticationState> SignedInStateAsync(AppUser user)
    {
        await using var scope = console.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var stored = (await signIn.UserManager.FindByIdAsync(user.Id))!;
        return new AuthenticationState(await signIn.CreateUserPrincipalAsync(stored));
    }

    private async Task<bool> CheckAsync(AuthenticationState state)
    {
        // The circuit's provider as the host builds it; disposed at once (no timer is left running).
        await using var scope = console.Services.CreateAsyncScope();
        var provider = ActivatorUtilities.CreateInstance<CircuitAuthenticationRevalidator>(scope.ServiceProvider);
        try
        {
            return await provider.IsValidAsync(state, TestContext.Current.CancellationToken);
        }
        finally
        {
            ((IDisposable)provider).Dispose();
        }
    }

    private async Task UsingUsersAsync(Func<UserManager<AppUser>, Task> action)
    {
        await using var scope = console.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }
}
