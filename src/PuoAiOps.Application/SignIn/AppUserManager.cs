using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.SignIn;

/// <summary>
/// Identity's user manager with progressive lockout and a controllable clock. Identity locks for a
/// fixed time and forgets, so five wrong passwords every fifteen minutes could be tried forever.
/// Here the failure count is kept across lockouts until a successful sign-in or an unlock: every
/// further run of <see cref="SignInOptions.MaxFailedAttempts"/> failures locks again, each time twice
/// as long (capped). Identity itself reads <c>DateTimeOffset.UtcNow</c>; these overrides read
/// <see cref="TimeProvider"/>, so tests move time instead of waiting.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider time,
    IOptions<SignInOptions> signInOptions)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private TimeProvider Time => time;

    private SignInOptions Limits => signInOptions.Value;

    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockouts = (IUserLockoutStore<AppUser>)Store;
        if (!await lockouts.GetLockoutEnabledAsync(user, CancellationToken)) return false;
        var end = await lockouts.GetLockoutEndDateAsync(user, CancellationToken);
        return end > Time.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockouts = (IUserLockoutStore<AppUser>)Store;
        var count = await lockouts.IncrementAccessFailedCountAsync(user, CancellationToken);
        var perLockout = Math.Max(1, Limits.MaxFailedAttempts);
        if (count % perLockout == 0)
        {
            var duration = Limits.LockoutDuration(count / perLockout);
            await lockouts.SetLockoutEndDateAsync(user, Time.GetUtcNow().Add(duration), CancellationToken);
            SignInLog.AccountLocked(Logger, user.Id, count / perLockout, duration);
        }
        return await UpdateUserAsync(user);
    }
}
