using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;

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
        var db = services.GetRequiredService<PuoDbContext>();
        var current = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);

        var cookieStamp = principal.FindFirst(stampClaimType)?.Value;
        if (current is not null && !current.IsDisabled && string.Equals(current.SecurityStamp, cookieStamp, StringComparison.Ordinal))
            return;

        LogSessionRejected(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionValidator).FullName!), userId);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of user {UserId} ended: account disabled, removed or changed.")]
    private static partial void LogSessionRejected(ILogger logger, string userId);
}
