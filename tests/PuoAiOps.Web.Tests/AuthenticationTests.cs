using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Admin;

namespace PuoAiOps.Web.Tests;

public sealed class AuthenticationTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/annotate")]
    [InlineData("/admin/users")]
    [InlineData("/no-such-page")]
    public async Task AnonymousPage_RedirectsToLogin(string path)
    {
        using var client = team.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal("/login", location.AbsolutePath);
        Assert.Equal("?ReturnUrl=" + Uri.EscapeDataString(path), location.Query);
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/admin/users")]
    [InlineData("/api/v1/no-such-endpoint")]
    public async Task AnonymousApi_Gets401NotARedirect(string path)
    {
        using var client = team.CreateClient();
        using var response = await client.GetAsync(path, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task EveryProtectedEndpoint_Anonymously_SendsPagesToLogin_AndAnswers401ToTheApi()
    {
        using var client = team.CreateClient();
        var endpoints = EndpointCatalog.All(team.Services).Where(e => !e.AllowsAnonymous).ToList();
        Assert.Contains(endpoints, e => e.Route.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => !e.Route.StartsWith("/api/", StringComparison.Ordinal) && e.AcceptsWrite);
        foreach (var endpoint in endpoints)
        {
            var isApi = endpoint.Route.StartsWith("/api/", StringComparison.Ordinal);
            var requests = new List<(string Method, Func<Task<HttpResponseMessage>> Send)>();
            if (endpoint.AcceptsGet)
                requests.Add(("GET", () => client.GetAsync(endpoint.SampleUrl, isApi ? "application/json" : "text/html")));
            if (endpoint.WriteMethod is { } write)
                requests.Add((write, () => client.SendFormAsync(new HttpMethod(write), endpoint.SampleUrl, new Dictionary<string, string> { ["role"] = Roles.Admin })));
            foreach (var (method, send) in requests)
            {
                using var response = await send();
                var what = $"anonymous {method} {endpoint.SampleUrl} ({endpoint.DisplayName})";
                if (isApi)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {response.StatusCode}");
                    Assert.Null(response.Headers.Location);
                    continue;
                }
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: {response.StatusCode}");
                var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
                Assert.True(location.AbsolutePath == "/login", $"{what}: redirected to {location}");
            }
        }
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_ReachesTheHomePageAndApi()
    {
        using var client = await team.SignInAsAsync(Roles.Curator);
        var home = await client.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.True(home.HasShell);
        Assert.Contains("Test Curator", home.Document.QuerySelector(".user-menu, [data-testid=user-menu-button]")!.TextContent, StringComparison.Ordinal);

        using var me = await client.GetAsync("/api/v1/me", "application/json");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"roles\":[\"Curator\"]", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReturnsToTheRequestedLocalPage_ButNeverOffSite()
    {
        using var client = team.CreateClient();
        var login = await client.GetPageAsync("/login?ReturnUrl=%2Fdashboards");
        using var ok = await client.SubmitAsync(login, "form", Fields(team.Users[Roles.Viewer].Email!, ConsoleFixture.Password));
        Assert.Equal("/dashboards", ok.Headers.Location!.AbsolutePath);

        using var other = team.CreateClient();
        var evil = await other.GetPageAsync("/login?ReturnUrl=%2F%2Fevil.example%2F");
        using var safe = await other.SubmitAsync(evil, "form", Fields(team.Users[Roles.Viewer].Email!, ConsoleFixture.Password));
        Assert.Equal("localhost", safe.Headers.Location!.IsAbsoluteUri ? safe.Headers.Location.Host : "localhost");
        Assert.Equal("/", new Uri(new Uri("http://localhost"), safe.Headers.Location).AbsolutePath);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsAnErrorAndSetsNoCookie()
    {
        var user = await team.CreateUserAsync(Roles.Viewer);
        using var client = team.CreateClient();
        using var response = await ConsoleFixture.TrySignInAsync(client, user.Email!, "not the password at all");
        var page = await client.ReadPageAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(AccountTexts.LoginFailed, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("puo.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn()
    {
        var user = await team.CreateUserAsync(Roles.Annotator, disabled: true);
        using var client = team.CreateClient();
        using var response = await ConsoleFixture.TrySignInAsync(client, user.Email!, ConsoleFixture.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AccountTexts.LoginFailed, (await client.ReadPageAsync(response)).Text, StringComparison.Ordinal);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task DisablingAUser_EndsTheirOpenSession()
    {
        var user = await team.CreateUserAsync(Roles.Viewer);
        using var client = await team.SignInAsync(user.Email!);
        using (var before = await client.GetAsync("/api/v1/me", "application/json"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var result = await team.WithServiceAsync<UserAdminService, UserCommandResult>(s =>
            s.SetDisabledAsync(PuoAiOps.Application.Common.Actor.User(team.Admin.Id, "Ada Admin"), user.Id, disabled: true, TestContext.Current.CancellationToken));
        Assert.True(result.Succeeded);

        using var after = await client.GetAsync("/api/v1/me", "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword_WithTheSameMessageAsAWrongPassword()
    {
        var user = await team.CreateUserAsync(Roles.Reviewer);
        using var client = team.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await ConsoleFixture.TrySignInAsync(client, user.Email!, $"wrong password {attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await ConsoleFixture.TrySignInAsync(client, user.Email!, ConsoleFixture.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, not a redirect
        Assert.Contains(AccountTexts.LoginFailed, (await client.ReadPageAsync(right)).Text, StringComparison.Ordinal);

        var lockoutEnd = await team.WithServiceAsync<UserManager<AppUser>, DateTimeOffset?>(async users =>
            await users.GetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!));
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task SignOut_IsAPostWithAntiforgery_AndEndsTheSession()
    {
        var user = await team.CreateUserAsync(Roles.Viewer);
        using var client = await team.SignInAsync(user.Email!);

        using (var withoutToken = await client.PostFormAsync("/logout", new Dictionary<string, string> { ["returnUrl"] = "/" }))
            Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        using (var stillIn = await client.GetAsync("/api/v1/me", "application/json"))
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using var signOut = await client.SignOutAsync();
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/login", signOut.Headers.Location!.OriginalString);
        using var after = await client.GetAsync("/api/v1/me", "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task SignedInUser_VisitingLogin_GoesHome()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        using var response = await client.GetAsync("/login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Dictionary<string, string> Fields(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };
}
