using System.Security.Claims;
using PuoAiOps.Application.Profile;

namespace PuoAiOps.Web.Shell;

/// <summary>Whether a principal issued earlier still describes the account as it is now.</summary>
public static class SessionMatch
{
    public static bool StillValid(ClaimsPrincipal principal, UserSessionState? current, string securityStampClaimType)
    {
        if (current is null || current.IsDisabled) return false;
        if (!string.Equals(principal.FindFirst(securityStampClaimType)?.Value, current.SecurityStamp, StringComparison.Ordinal))
            return false;
        // Role changes also rotate the stamp today; comparing roles keeps the circuit right if one ever does not.
        var held = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return held.SetEquals(current.Roles);
    }
}
