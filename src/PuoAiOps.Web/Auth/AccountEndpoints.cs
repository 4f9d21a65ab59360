using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Auth;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        // A POST with a form (so antiforgery applies): a link or image cannot sign people out.
        endpoints.MapPost("/logout", SignOutAsync)
            .RequireAuthorization(Policies.SignedIn)
            .RequireAntiforgeryToken();
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync([FromForm(Name = "returnUrl")] string? returnUrl, HttpContext http,
        SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        // Deleting the cookie in this browser is not enough: a copy of it (another tab's export, a
        // proxy log, a stolen cookie) would stay valid for its whole lifetime. A new security stamp
        // makes SessionValidator refuse every cookie issued before now, on every device.
        if (await users.GetUserAsync(http.User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Results.Redirect(returnUrl is null ? AuthDependencyInjection.LoginPath : LocalUrl.OrHome(returnUrl));
    }
}
