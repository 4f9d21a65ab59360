using CsCheck;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Tests.Auth;

/// <summary>After sign-in the console follows a return URL only to its own pages, and never answers 500 for one.</summary>
public sealed class ReturnUrlTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static readonly string[] Prefixes = ["/", "//", "/\\", "\\", "", "http://evil.example", "https://evil.example/", "/%2F", "/a/../", "javascript:"];

    // Characters that matter for URLs and headers, mixed with anything at all (controls, CJK, surrogates).
    private static readonly Gen<string> ReturnUrls =
        Gen.Select(Gen.OneOf(Prefixes), Gen.OneOf(Gen.Char, Gen.Char["/\\:%.?#@ \t\r\n\0aé礼\u2028\u00a0"]).Array[0, 16],
            (prefix, chars) => prefix + new string(chars));

    [Theory]
    [InlineData("/%E7%A4%BC", "/%E7%A4%BC")]
    [InlineData("/dashboards?tab=%E7%A4%BC", "/dashboards?tab=%E7%A4%BC")]
    [InlineData("/annotate", "/annotate")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("/a%5Cb", "/a%5Cb")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/%0D%0ASet-Cookie:%20x=1", "/")]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("/a/..//evil.example", "/")]
    [InlineData("/a/%2E%2E//evil.example", "/")]
    public async Task SignIn_WithAReturnUrl_RedirectsToALocalAsciiLocation(string escapedReturnUrl, string expected)
    {
        using var client = team.CreateClient();
        var login = await client.GetPageAsync("/login?ReturnUrl=" + escapedReturnUrl.Replace("?", "%3F", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, login.Status);
        using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string>
        {
            ["Input.Email"] = team.Users[Roles.Viewer].Email!,
            ["Input.Password"] = ConsoleFixture.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, PathOf(response));
    }

    [Fact]
    public async Task AnyReturnUrl_GivesALocalRedirect_NeverA500()
    {
        // A signed-in visit of /login follows the return URL through the same rule as a sign-in, without a password hash per case.
        using var client = await team.SignInAsAsync(Roles.Viewer);
        await ReturnUrls.SampleAsync(async url =>
        {
            using var response = await client.GetAsync("/login?ReturnUrl=" + Uri.EscapeDataString(url));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{Show(url)}: {(int)response.StatusCode}");
            AssertLocal(PathOf(response), url);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void LocalUrl_IsAlwaysASameSiteAsciiPath()
    {
        ReturnUrls.Sample(url => AssertLocal(LocalUrl.OrHome(url), url), iter: 20_000);
    }

    [Fact]
    public void LocalUrl_KeepsAPlainLocalPathAsItIs()
    {
        // (A "://" anywhere is refused on purpose, however deep in the query.)
        Gen.Char["abcxyz0189-._~!$&'()*+,;=:@/?%"].Array[0, 24].Select(c => "/p" + new string(c))
            .Where(path => !path.Contains("://", StringComparison.Ordinal))
            // Dot segments are refused on purpose too: /a/..//evil resolves to //evil.
            .Where(path => !path.Split('?', '#')[0].Split('/').Any(segment => segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase) is "." or ".."))
            .Sample(path => Assert.Equal(path, LocalUrl.OrHome(path)), iter: 5_000);
    }

    private static void AssertLocal(string location, string input)
    {
        Assert.True(location.StartsWith('/'), $"{Show(input)} -> {Show(location)}: not a path");
        Assert.False(location.Length > 1 && location[1] is '/' or '\\', $"{Show(input)} -> {Show(location)}: another host");
        Assert.True(location.All(c => c is > ' ' and < '\u007f' && c != '\\'), $"{Show(input)} -> {Show(location)}: not plain ASCII");
    }

    /// <summary>
    /// The Location header exactly as sent (not as the client's Uri re-escapes it: a non-ASCII header
    /// is what Kestrel refuses with a 500), made relative when it names the test host.
    /// </summary>
    private static string PathOf(HttpResponseMessage response)
    {
        var raw = response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.ToString() : "";
        return raw.StartsWith("http://localhost/", StringComparison.Ordinal) ? raw["http://localhost".Length..] : raw;
    }

    private static string Show(string text) => string.Concat(text.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"));
}
