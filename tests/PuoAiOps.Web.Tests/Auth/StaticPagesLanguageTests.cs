using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Auth;

/// <summary>
/// Sign-in and the status pages follow the browser's language (nobody is signed in to have a saved one; a
/// signed-in reader's status page follows their profile like every page), with field messages in it too.
/// </summary>
public sealed class StaticPagesLanguageTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Theory]
    [InlineData(null, "en")]
    [InlineData("en-US,en;q=0.8", "en")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.5", "zh-CN")]
    public async Task Login_IsInTheBrowsersLanguage(string? acceptLanguage, string expected)
    {
        using var client = Client(acceptLanguage);
        var page = await client.GetPageAsync("/login");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(expected, page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(Text(expected, "Login.Title"), page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(Text(expected, "Login.Password"), page.Document.QuerySelector("label[for=password]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Login_WithEmptyFields_MarksThemAtTheField_InChinese_AndTriesNoAccount()
    {
        using var client = Client("zh-CN");
        var login = await client.GetPageAsync("/login");
        using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string> { ["Input.Email"] = "not an address", ["Input.Password"] = "" });
        var page = await client.ReadPageAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var messages = page.Document.QuerySelectorAll(".validation-message").Select(m => m.TextContent.Trim()).ToList();
        Assert.Equal([AccountTexts.Chinese("Login.EmailInvalid"), AccountTexts.Chinese("Login.PasswordRequired")], messages);
        Assert.Null(page.Document.QuerySelector("[data-testid=form-errors]")); // no "wrong email or password": nothing was looked up
    }

    [Fact]
    public async Task Login_Refused_SaysSoInChinese()
    {
        using var client = Client("zh-CN");
        using var response = await ConsoleFixture.TrySignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.test", "not the password at all");
        var page = await client.ReadPageAsync(response);
        Assert.Equal(AccountTexts.Chinese("Login.Failed"), page.Document.QuerySelector("[data-testid=form-errors]")?.TextContent.Trim());
    }

    /// <summary>Signed out, the status page people meet is the expired form's (an unknown address leads to sign-in).</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task ExpiredSignInForm_WhenSignedOut_IsA400PageInTheBrowsersLanguage_WithAWayToSignIn(string language)
    {
        using var client = Client(language);
        using var response = await client.PostFormAsync("/login", new Dictionary<string, string> { ["_handler"] = "login" });
        var page = await client.ReadPageAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("400", page.Document.QuerySelector("[data-status]")?.GetAttribute("data-status"));
        Assert.Equal(Text(language, "Status.400.Title"), page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("[data-status] a[href='/login']"));
        Assert.False(page.HasShell);
    }

    [Fact]
    public async Task UnknownAddress_WhenSignedIn_IsA404PageInChinese_InsideTheConsolesFrame()
    {
        using var client = await team.SignInAsAsync(Roles.Curator);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await client.GetPageAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(AccountTexts.Chinese("Status.404.Title"), page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.True(page.HasShell);
    }

    [Fact]
    public async Task ForbiddenPage_ForASignedInReader_IsInTheirLanguage_InsideTheConsolesFrame()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await client.GetPageAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(AccountTexts.Chinese("Status.403.Title"), page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.True(page.HasShell);
        Assert.NotNull(page.Document.QuerySelector("[data-status='403'] a[href='/']"));
    }

    private ConsoleClient Client(string? acceptLanguage)
    {
        var client = team.CreateClient();
        if (acceptLanguage is not null) client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return client;
    }

    private static string Text(string language, string key) => language == "en" ? AccountTexts.English(key) : AccountTexts.Chinese(key);
}
