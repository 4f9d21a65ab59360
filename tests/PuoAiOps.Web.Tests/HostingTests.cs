using System.Text.Json;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests;

public sealed class HostingTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/login", false)]
    [InlineData("/admin/users", true)] // a Viewer: the 403 page, static like every status page
    [InlineData("/api/v1/me", true)]
    [InlineData("/css/static.css", false)]
    [InlineData("/theme.css", false)]
    [InlineData("/no-such-page", true)]
    [InlineData("/healthz", false)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, bool signedIn)
    {
        using var client = signedIn ? await team.SignInAsAsync(Roles.Viewer) : team.CreateClient();
        using var response = await client.GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_HaveNoInlineScripts_AndStaticPagesNoInlineStyles()
    {
        using var client = await team.SignInAsAsync(Roles.Admin);
        var endpoints = EndpointCatalog.All(team.Services).Where(e => e.IsComponentPage && e.AcceptsGet).ToList();
        Assert.Contains(endpoints, e => e.Route == "/login" && !e.IsInteractivePage);
        Assert.Contains(endpoints, e => e.Route == "/admin/users" && e.IsInteractivePage);
        Assert.Contains(endpoints, e => e.Route == "/profile" && e.IsInteractivePage);
        foreach (var (path, interactive) in endpoints.Select(e => (e.SampleUrl, e.IsInteractivePage)).Append(("/no-such-page", false)))
        {
            var page = await client.GetPageAsync(path);
            Assert.All(page.Document.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), $"{path}: inline <script>"));
            Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name.StartsWith("hx-on", StringComparison.Ordinal)));
            // MudBlazor styles with attributes and a theme <style>: allowed on interactive pages only (decision 0006).
            if (interactive) continue;
            Assert.Empty(page.Document.QuerySelectorAll("style"));
            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
        }
    }

    [Fact]
    public async Task InteractivePage_RelaxesOnlyInlineStyles()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        using var response = await client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' 'unsafe-inline';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(csp, "unsafe"));
    }

    [Fact]
    public async Task ForbiddenPage_OffersASignOutForm_ThatSignsOut()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        var page = await client.GetPageAsync("/admin/users"); // the 403 page: static, inside the console's frame
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form[action='/logout'] input[name='__RequestVerificationToken']"));
        using var signedOut = await client.SubmitAsync(page, "form[action='/logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/login", signedOut.Headers.Location?.OriginalString);
        using var after = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task ThemeStylesheet_CarriesTheConsoleThemesVariables()
    {
        using var client = team.CreateClient();
        using var response = await client.GetAsync("/theme.css", "text/css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var css = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("--mud-palette-primary: rgba(79,70,229,1);", css, StringComparison.Ordinal); // ConsoleTheme's #4f46e5
        Assert.DoesNotContain("<style", css, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownUrl_Is404InsideTheShell()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        var page = await client.GetPageAsync("/there/is/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.True(page.HasShell);
        Assert.Contains("Page not found", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageFormPost_WithoutTheToken_Is400WithAPlainExplanation()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin);
        using var signedIn = await admin.PostFormAsync("/admin/users/new", new Dictionary<string, string> { ["_handler"] = "new-user" });
        var page = await admin.ReadPageAsync(signedIn);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.True(page.HasShell);
        Assert.Contains("The form may have expired", page.Text, StringComparison.Ordinal);

        using var anonymous = team.CreateClient();
        using var login = await anonymous.PostFormAsync("/login", new Dictionary<string, string> { ["_handler"] = "login" });
        var loginPage = await anonymous.ReadPageAsync(login);
        Assert.Equal(HttpStatusCode.BadRequest, loginPage.Status);
        Assert.Contains("The form may have expired", loginPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery", loginPage.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownApiUrl_Is404ProblemDetails()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        using var response = await client.GetAsync("/api/v1/nothing", "application/json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StatusPage_VisitedDirectly_IsNotFound()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        var page = await client.GetPageAsync("/status/500");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Healthz_IsAnonymousJson_WithDatabaseReachability()
    {
        using var client = team.CreateClient();
        using var response = await client.GetAsync("/healthz", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("reachable", json.RootElement.GetProperty("database").GetString());
    }

    [Theory]
    [InlineData("/lib/bootstrap-icons/font/fonts/bootstrap-icons.woff2", "font/woff2")]
    [InlineData("/lib/echarts/echarts.min.js", "text/javascript")]
    [InlineData("/css/static.css", "text/css")]
    [InlineData("/js/keys.js", "text/javascript")]
    public async Task VendoredAndOwnStaticFiles_AreServedAnonymously(string path, string mediaType)
    {
        using var client = team.CreateClient();
        using var response = await client.GetAsync(path, "*/*");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>What the first version's static pages loaded is gone with them (decision 0005).</summary>
    [Theory]
    [InlineData("/lib/htmx.org/htmx.min.js")]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css")]
    [InlineData("/js/app.js")]
    [InlineData("/css/app.css")]
    public async Task FilesOfTheFirstVersionsStaticPages_AreNoLongerServed(string path)
    {
        using var client = await team.SignInAsAsync(Roles.Viewer); // signed out, any unknown path leads to the sign-in page
        using var response = await client.GetAsync(path, "*/*");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PageAssets_AreLinkedWithAContentHash()
    {
        using var client = team.CreateClient();
        var page = await client.GetPageAsync("/login");
        var css = page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains(css, h => h.StartsWith("/css/static.css?v=", StringComparison.Ordinal));
        Assert.Contains(css, h => h.StartsWith("/theme.css?v=", StringComparison.Ordinal));
        Assert.Empty(page.Document.Scripts); // a static form: no circuit, no script
        foreach (var href in css.Concat(page.Document.Scripts.Select(s => s.Source!)))
        {
            using var asset = await client.GetAsync(href, "*/*");
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{href}: {asset.StatusCode}");
        }
    }
}
