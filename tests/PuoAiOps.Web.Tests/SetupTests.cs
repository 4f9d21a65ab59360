using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Admin;

namespace PuoAiOps.Web.Tests;

/// <summary>No default credentials: an empty workspace only offers /setup.</summary>
public sealed class SetupGateTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/annotate")]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/no-such-page")]
    public async Task NoUsers_EveryPageRedirectsToSetup(string path)
    {
        using var client = console.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task NoUsers_ApiStillAnswers401()
    {
        using var client = console.CreateClient();
        using var response = await client.GetAsync("/api/v1/me", "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task NoUsers_EveryStylesheetOfTheSetupPage_IsServed()
    {
        using var client = console.CreateClient();
        var page = await client.GetPageAsync("/setup");
        var css = page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains(css, h => h.StartsWith("/theme.css?v=", StringComparison.Ordinal)); // an endpoint, not a file: past the gate too
        foreach (var href in css)
        {
            using var response = await client.GetAsync(href, "text/css");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href}: {response.StatusCode}");
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task NoUsers_SetupPageShowsTheFirstAdminForm()
    {
        using var client = console.CreateClient();
        var page = await client.GetPageAsync("/setup");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form[action='/setup'] input[name='__RequestVerificationToken']"));
        foreach (var field in new[] { "Input.Email", "Input.DisplayName", "Input.Password", "Input.ConfirmPassword" })
            Assert.NotNull(page.Document.QuerySelector($"input[name='{field}']"));
        Assert.False(page.HasShell);
    }

    [Fact]
    public async Task Setup_RejectsMismatchedPasswords_AndCreatesNobody()
    {
        using var client = console.CreateClient();
        var page = await client.GetPageAsync("/setup");
        using var response = await client.SubmitAsync(page, "form[action='/setup']", new Dictionary<string, string>
        {
            ["Input.Email"] = "first@example.test",
            ["Input.DisplayName"] = "First Admin",
            ["Input.Password"] = ConsoleFixture.Password,
            ["Input.ConfirmPassword"] = ConsoleFixture.Password + "x",
        });
        var result = await client.ReadPageAsync(response);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The two passwords differ.", result.Text, StringComparison.Ordinal);
        Assert.False(await console.WithDbAsync(db => db.Users.AnyAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Setup_InChinese_MarksEachBadFieldInChinese_AndCreatesNobody()
    {
        using var client = console.CreateClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await client.GetPageAsync("/setup");
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(AccountTexts.Chinese("Setup.Title"), page.Document.QuerySelector("h1")?.TextContent.Trim());
        using var response = await client.SubmitAsync(page, "form[action='/setup']", new Dictionary<string, string>
        {
            ["Input.Email"] = "not-an-address",
            ["Input.DisplayName"] = "A",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "other",
        });
        var result = await client.ReadPageAsync(response);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        string[] fields = ["email", "display-name", "password", "confirm"];
        foreach (var id in fields)
        {
            var message = result.Document.QuerySelector($"#{id}")?.ParentElement?.QuerySelector(".validation-message")?.TextContent;
            Assert.True(message is { Length: > 0 } && message.Any(c => c >= '\u4e00' && c <= '\u9fff'), $"#{id}: '{message}'");
        }
        Assert.False(await console.WithDbAsync(db => db.Users.AnyAsync(TestContext.Current.CancellationToken)));
    }
}

/// <summary>The first admin is created once through /setup; then /setup is gone.</summary>
public sealed class SetupTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task Setup_CreatesTheFirstAdminOnce_ThenDisappears()
    {
        using var client = console.CreateClient();
        var page = await client.GetPageAsync("/setup");
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = "first@example.test",
            ["Input.DisplayName"] = "First Admin",
            ["Input.Password"] = ConsoleFixture.Password,
            ["Input.ConfirmPassword"] = ConsoleFixture.Password,
        };
        using (var created = await client.SubmitAsync(page, "form[action='/setup']", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.EndsWith("/login?setup=done", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var ct = TestContext.Current.CancellationToken;
        var admin = await console.WithDbAsync(db => db.Users.SingleAsync(ct));
        Assert.Equal("First Admin", admin.DisplayName);
        Assert.NotEqual(ConsoleFixture.Password, admin.PasswordHash); // hashed, never stored as typed
        var roles = await console.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == admin.Id select r.Name).ToListAsync(ct));
        Assert.Equal([Roles.Admin], roles);
        Assert.True(await console.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == AuditActions.WorkspaceSetup && a.EntityId == admin.Id, ct)));

        // Gone for everyone: the page, and a replayed form post.
        using (var again = await client.GetAsync("/setup"))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using (var replay = await client.SubmitAsync(page, "form[action='/setup']", fields))
            Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal(1, await console.WithDbAsync(db => db.Users.CountAsync(ct)));

        // And the new admin signs in with the password chosen at setup.
        using var signedIn = await console.SignInAsync("first@example.test");
        var home = await signedIn.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("First Admin", home.Text, StringComparison.Ordinal);
    }
}
