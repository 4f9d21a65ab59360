using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace PuoAiOps.Web.Auth;

public static class AuthorizationExtensions
{
    /// <summary>Whether <paramref name="user"/> satisfies <paramref name="policy"/>: pages use it to show only the actions a person may take.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string policy) =>
        (await authorization.AuthorizeAsync(user, policy)).Succeeded;
}
