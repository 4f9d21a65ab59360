using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.SignIn;

namespace PuoAiOps.Application.Admin;

/// <summary>Identity rules shared by the web host and the CLI, so a password accepted by one is accepted by the other.</summary>
public static class IdentitySetup
{
    public static void ConfigureRules(IdentityOptions o)
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        // Lockout lengths and counts come from SignInOptions (see AppUserManager); these match its defaults.
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
    }

    /// <summary>User and role stores without cookies: for the CLI and background work.</summary>
    public static IServiceCollection AddPuoIdentityCore(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(ConfigureRules)
            .AddRoles<IdentityRole>()
            .AddPuoStores()
            .AddUserManager<AppUserManager>();
        services.AddAdminServices();
        services.AddSignInProtection();
        return services;
    }

    /// <summary>Users and roles kept in the workspace database (the console's and the CLI's Identity alike).</summary>
    public static IdentityBuilder AddPuoStores(this IdentityBuilder builder) => builder.AddEntityFrameworkStores<PuoDbContext>();
}
