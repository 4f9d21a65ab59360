using System.Security.Claims;
using PuoAiOps.Application.Common;

namespace PuoAiOps.Web.Auth;

public static class ActorExtensions
{
    /// <summary>The signed-in person as application services see them (id, display name, console roles).</summary>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.UserId(), user.DisplayName(), new HashSet<string>(user.ConsoleRoles(), StringComparer.Ordinal));
}
