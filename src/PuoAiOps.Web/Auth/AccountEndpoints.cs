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

    private static async Task<IResult> SignOutAsync([FromForm(Name = "returnUrl")] string? returnUrl, SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.Redirect(returnUrl is null ? AuthDependencyInjection.LoginPath : LocalUrl.OrHome(returnUrl));
    }
}
