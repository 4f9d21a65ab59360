using System.Security.Claims;
using PuoAiOps.Application.Common;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Classification;

/// <summary>The signed-in person as the application services see them.</summary>
internal static class ConsoleActor
{
    public static Actor Of(ClaimsPrincipal user) =>
        Actor.User(user.UserId() ?? "", user.DisplayName(), [.. user.ConsoleRoles()]);
}
