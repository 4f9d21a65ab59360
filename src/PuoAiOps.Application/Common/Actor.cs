using System.Security.Claims;

namespace PuoAiOps.Application.Common;

/// <summary>Who is acting: a signed-in user (from the web principal) or a named system process (CLI, jobs).</summary>
public sealed record Actor(string? UserId, string DisplayName, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
            if (Roles.Contains(role)) return true;
        return false;
    }

    public static Actor User(string userId, string displayName, params string[] roles) =>
        new(userId, displayName, new HashSet<string>(roles, StringComparer.Ordinal));

    /// <summary>A process with no user behind it, e.g. "cli"; it holds only the roles given.</summary>
    public static Actor System(string name, params string[] roles) =>
        new(null, name, new HashSet<string>(roles, StringComparer.Ordinal));

    public static Actor FromPrincipal(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = principal.FindFirstValue("display_name") ?? principal.Identity?.Name ?? id ?? "anonymous";
        var roles = principal.FindAll(principal.Identities.FirstOrDefault()?.RoleClaimType ?? ClaimTypes.Role).Select(c => c.Value);
        return new Actor(id, name, new HashSet<string>(roles, StringComparer.Ordinal));
    }
}
