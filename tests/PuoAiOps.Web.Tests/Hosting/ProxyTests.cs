using Microsoft.AspNetCore.Mvc.Testing;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Hosting;

/// <summary>Behind a TLS-terminating proxy: X-Forwarded-Proto counts from the configured proxy only.</summary>
public sealed class ProxyTests(ProxyTests.Fixture team) : IClassFixture<ProxyTests.Fixture>
{
    public const string Proxy = "10.0.0.5";

    public sealed class Fixture : TeamFixture
    {
        public Fixture()
        {
            Factory.Settings["Proxy:KnownProxies:0"] = Proxy;
            Factory.ConfigureServices.Add(PeerAddress.Register);
        }
    }

    [Fact]
    public async Task ForwardedHttps_FromTheConfiguredProxy_MakesTheSessionCookieSecure()
    {
        var cookie = await SignInCookieAsync(from: Proxy);
        Assert.Contains("secure", cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()));
    }

    [Fact]
    public async Task ForwardedHttps_FromAnyOtherAddress_IsIgnored()
    {
        var cookie = await SignInCookieAsync(from: "203.0.113.7");
        Assert.DoesNotContain("secure", cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()));
    }

    [Fact]
    public async Task Hsts_IsSentInProduction_NotInDevelopment()
    {
        await using var production = new ConsoleFactory { EnvironmentName = "Production" };
        Assert.True(await HstsAsync(production));
        Assert.False(await HstsAsync(team.Factory));
    }

    [Fact]
    public async Task AProxyThatIsNotAnAddress_StopsTheStartWithTheSettingNamed()
    {
        await using var factory = new ConsoleFactory();
        factory.Settings["Proxy:KnownNetworks:0"] = "10.0.0.0/99";
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("Proxy:KnownNetworks:0 ('10.0.0.0/99') is not a network", error.ToString(), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    /// <summary>
    /// Signs in over plain HTTP with X-Forwarded-Proto: https, keeping cookies by hand: a cookie jar
    /// would not send a Secure cookie back over http, which is exactly what the proxy case produces.
    /// </summary>
    private async Task<string> SignInCookieAsync(string from)
    {
        using var client = new ConsoleClient(team.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }))
            .From(from);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var form = await client.GetAsync("/login");
        var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var page = await client.ReadPageAsync(form);
        var fields = page.Document.QuerySelectorAll("form input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.Email"] = team.Users[Roles.Viewer].Email!;
        fields["Input.Password"] = ConsoleFixture.Password;
        using var response = await client.PostFormAsync("/login", fields, new Dictionary<string, string> { ["Cookie"] = cookies });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("puo.auth=", StringComparison.Ordinal));
    }

    private static async Task<bool> HstsAsync(ConsoleFactory factory)
    {
        // HSTS is only sent over HTTPS and never for localhost: a real host name, https.
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://console.example.test"), AllowAutoRedirect = false });
        using var response = await http.GetAsync("/healthz", TestContext.Current.CancellationToken);
        return response.Headers.Contains("Strict-Transport-Security");
    }
}
