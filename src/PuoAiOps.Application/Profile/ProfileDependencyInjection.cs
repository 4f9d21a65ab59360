using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PuoAiOps.Application.Profile;

public static class ProfileDependencyInjection
{
    /// <summary>A user's own profile (name, language) and the session re-checks of open circuits.</summary>
    public static IHostApplicationBuilder AddUserProfiles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserProfileService>();
        builder.Services.AddScoped<UserSessionQuery>();
        return builder;
    }
}
