using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Profile;

namespace PuoAiOps.Web.Auth;

/// <summary>
/// Checks every signed-in request against the database: a disabled account, or one whose security
/// stamp changed (role change, disable, password change), loses its session at once instead of after
/// Identity's default 30-minute re-validation. One indexed primary-key read per request.
/// </summary>
internal static partial class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.UserId();
        if (principal is null || userId is null) return;

        var services = context.HttpContext.RequestServices;
        var stampClaimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var cookieStamp = principal.FindFirst(stampClaimType)?.Value;
        if (await services.GetRequiredService<UserSessionQuery>().IsCurrentAsync(userId, cookieStamp, context.HttpContext.RequestAborted))
            return;

        LogSessionRejected(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionValidator).FullName!), userId);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of user {UserId} ended: account disabled, removed or changed.")]
    private static partial void LogSessionRejected(ILogger logger, string userId);
}
