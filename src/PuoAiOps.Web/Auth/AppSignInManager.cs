using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.SignIn;

namespace PuoAiOps.Web.Auth;

/// <summary>
/// Identity's sign-in manager, refusing disabled accounts (they get <c>NotAllowed</c>), and doing the
/// same password-hashing work whatever the outcome: Identity returns at once for an unknown email, a
/// locked or a disabled account, which lets response times tell existing accounts apart.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    PasswordWorkEqualizer equalizer)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            equalizer.Verify(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        // Identity checks these before the password and skips the hash: do the work anyway.
        if (!await CanSignInAsync(user) || (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user)))
            equalizer.Verify(UserManager.PasswordHasher, password);
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }
}
