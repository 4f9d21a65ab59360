using Microsoft.AspNetCore.Localization;
using PuoAiOps.Application.Profile;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Shell;

/// <summary>The language a signed-in user saved in their profile; first in line, before the cookie and the browser.</summary>
internal sealed class ProfileCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var userId = httpContext.User.UserId();
        if (userId is null) return null;
        var culture = await httpContext.RequestServices.GetRequiredService<UserProfileService>()
            .PreferredCultureAsync(userId, httpContext.RequestAborted);
        return culture is null ? null : new ProviderCultureResult(culture);
    }
}
