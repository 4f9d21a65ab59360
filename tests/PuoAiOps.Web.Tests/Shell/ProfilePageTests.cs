using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Profile;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>/profile, the first page on the interactive shell: signed-in only, in the reader's language, server-prerendered.</summary>
public sealed class ProfilePageTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task Profile_Anonymously_RedirectsToLogin()
    {
        using var client = team.CreateClient();
        using var response = await client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fprofile", response.Headers.Location!.PathAndQuery);
    }

    public static TheoryData<string> EveryRole => [.. Roles.All];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task Profile_OpensForEveryRole_AsAnInteractivePage(string role)
    {
        using var client = await team.SignInAsAsync(role);
        var page = await client.GetPageAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("My profile", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("script[src^='/_framework/blazor.web.js']"));
        Assert.NotNull(page.Document.QuerySelector("#components-reconnect-modal"));
        // The value shown is the stored one, prerendered on the server.
        Assert.Equal(team.Users[role].DisplayName, page.Document.QuerySelector("#display-name")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Profile_ForAcceptLanguageZhCN_RendersInChinese()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await client.GetPageAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("我的资料", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("显示名称", page.Text, StringComparison.Ordinal);
        Assert.Contains("查看者", page.Text, StringComparison.Ordinal); // the Viewer role, translated
    }

    [Fact]
    public async Task Profile_SavedLanguage_WinsOverTheBrowsersLanguage()
    {
        var user = await team.CreateUserAsync(Roles.Curator);
        var saved = await team.WithServiceAsync<UserProfileService, ProfileSaveResult>(s => s.SetCultureAsync(user.Id, "zh-CN"));
        Assert.True(saved.Succeeded);
        using var client = await team.SignInAsync(user.Email!);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var page = await client.GetPageAsync("/profile");
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("我的资料", page.Document.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Profile_NavigationListsOnlyTheAreasTheRoleMayUse()
    {
        using var client = await team.SignInAsAsync(Roles.Annotator);
        var page = await client.GetPageAsync("/profile");
        var hrefs = page.Document.QuerySelectorAll("[data-testid=console-nav] a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/annotate"], hrefs);
    }

    [Fact]
    public async Task SignInPage_StaysAStaticForm_WithoutACircuit()
    {
        // The cookie is set on an HTTP response, so sign-in stays a plain form post (decision 0005).
        using var client = team.CreateClient();
        var page = await client.GetPageAsync("/login");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("script[src*='blazor.web.js']"));
        Assert.Equal("post", page.Document.QuerySelector("form")?.GetAttribute("method"));
    }
}
