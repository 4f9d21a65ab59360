using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.SignIn;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.SignIn;

public sealed class ProgressiveLockoutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private TempWorkspace _workspace = default!;
    private ServiceProvider _services = default!;

    public async ValueTask InitializeAsync()
    {
        _workspace = await TempWorkspace.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, _workspace.Options));
        services.AddSingleton<TimeProvider>(_time);
        services.AddPuoIdentityCore();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        await admin.EnsureRolesAsync(TestContext.Current.CancellationToken);
        var created = await admin.CreateAsync(Actor.System("test"),
            new NewUserInput { Email = "only-admin@example.test", DisplayName = "Only Admin", Role = Roles.Admin, Password = "correct horse battery", ConfirmPassword = "correct horse battery" },
            TestContext.Current.CancellationToken);
        Assert.True(created.Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _workspace.DisposeAsync();
    }

    [Fact]
    public async Task EachLockout_InARow_LastsTwiceAsLongAsThePrevious()
    {
        var expected = new[] { 15, 30, 60, 120 };
        foreach (var minutes in expected)
        {
            await FailAsync(times: 4);
            Assert.False(await LockedAsync(), "four failures do not lock");
            await FailAsync(times: 1);
            Assert.Equal(_time.GetUtcNow().AddMinutes(minutes), await LockoutEndAsync());
            _time.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
            Assert.True(await LockedAsync());
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(await LockedAsync());
        }
    }

    [Fact]
    public async Task LockoutLength_IsCappedAtTheMaximum()
    {
        for (var i = 0; i < 12; i++) await FailAsync(times: 5);
        Assert.Equal(_time.GetUtcNow().AddHours(24), await LockoutEndAsync());
    }

    [Fact]
    public async Task ASuccessfulSignIn_StartsTheCountAgain()
    {
        await FailAsync(times: 5);
        _time.Advance(TimeSpan.FromMinutes(15));
        await WithUsersAsync(async (users, user) => await users.ResetAccessFailedCountAsync(user));
        await FailAsync(times: 5);
        Assert.Equal(_time.GetUtcNow().AddMinutes(15), await LockoutEndAsync());
    }

    [Fact]
    public async Task Unlock_EndsTheLockout_ClearsTheCount_AndIsAudited()
    {
        await FailAsync(times: 10);
        Assert.True(await LockedAsync());

        await using (var scope = _services.CreateAsyncScope())
        {
            var wasLocked = await scope.ServiceProvider.GetRequiredService<AccountUnlockService>()
                .UnlockAsync("only-admin@example.test", "cli (ops)", TestContext.Current.CancellationToken);
            Assert.True(wasLocked);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<AccountUnlockService>()
                .UnlockAsync("nobody@example.test", "cli (ops)", TestContext.Current.CancellationToken));
        }

        Assert.False(await LockedAsync());
        await FailAsync(times: 5);
        Assert.Equal(_time.GetUtcNow().AddMinutes(15), await LockoutEndAsync());
        await using var db = _workspace.NewContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AccountUnlockService.AuditAction, TestContext.Current.CancellationToken);
        Assert.Equal("cli (ops)", audit.ActorName);
    }

    private Task<bool> FailAsync(int times) => WithUsersAsync(async (users, user) =>
    {
        for (var i = 0; i < times; i++) await users.AccessFailedAsync(user);
        return true;
    });

    private Task<bool> LockedAsync() => WithUsersAsync((users, user) => users.IsLockedOutAsync(user));

    private Task<DateTimeOffset?> LockoutEndAsync() => WithUsersAsync((users, user) => users.GetLockoutEndDateAsync(user));

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, AppUser, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.IsType<AppUserManager>(users);
        return await action(users, (await users.FindByEmailAsync("only-admin@example.test"))!);
    }
}
