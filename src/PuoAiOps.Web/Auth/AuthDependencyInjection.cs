using Microsoft.AspNetCore.Identity;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.SignIn;

namespace PuoAiOps.Web.Auth;

public static class AuthDependencyInjection
{
    public const string CookieName = "puo.auth";
    public const string LoginPath = "/login";

    /// <summary>Identity on EF (hashed passwords, progressive lockout, sign-in limits), the session cookie and the role policies.</summary>
    public static IHostApplicationBuilder AddConsoleAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton<WorkspaceSetupState>();

        // The default scheme picks the API key handler for requests that carry a key, the session cookie otherwise.
        var authentication = services.AddAuthentication(ApiKeyAuthenticationHandler.SelectorScheme);
        authentication.AddIdentityCookies();
        ApiKeyAuthenticationHandler.Add(authentication);
        services.AddIdentityCore<AppUser>(IdentitySetup.ConfigureRules)
            .AddRoles<IdentityRole>()
            .AddPuoStores()
            .AddUserManager<AppUserManager>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/logout";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events = CookieEvents.Create();
        });

        services.AddSignInProtection(builder.Configuration);
        services.AddSignInRateLimits();
        services.AddBotApiRateLimits();

        services.AddAuthorization(o => o.AddConsolePolicies());
        services.AddCascadingAuthenticationState();
        return builder;
    }
}
