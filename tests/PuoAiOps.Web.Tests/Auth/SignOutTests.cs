using Microsoft.AspNetCore.Mvc.Testing;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Auth;

public sealed class SignOutTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task SignOut_EndsTheSession_ForACopyOfTheCookieToo()
    {
        var user = await team.CreateUserAsync(Roles.Viewer);
        using var client = team.CreateClient();
        using var signIn = await ConsoleFixture.TrySignInAsync(client, user.Email!, ConsoleFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("puo.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var copy = team.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(copy, "/api/v1/me", cookie));

        using var signOut = await client.SignOutAsync();
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // The browser dropped its cookie; the copy was taken before and must be worthless now.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookieAsync(copy, "/api/v1/me", cookie));
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(copy, "/", cookie));
    }

    private static async Task<HttpStatusCode> StatusWithCookieAsync(HttpClient http, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        request.Headers.Accept.ParseAdd(path.StartsWith("/api/", StringComparison.Ordinal) ? "application/json" : "text/html");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
