using System.Security.Claims;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Auth;

public static class ClaimsPrincipalExtensions
{
    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AppClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";

    public static string Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";

    /// <summary>The user's roles in the order of <see cref="Roles.All"/>.</summary>
    public static IReadOnlyList<string> ConsoleRoles(this ClaimsPrincipal user) =>
        Roles.All.Where(user.IsInRole).ToList();
}
