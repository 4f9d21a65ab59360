using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests;

/// <summary>
/// Every state-changing endpoint checks the antiforgery token, whatever it binds (form, JSON,
/// nothing). Own fixture: an endpoint that failed this would change its workspace.
/// </summary>
public sealed class AntiforgeryCoverageTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    /// <summary>Where failed requests of any method are re-executed; it changes nothing.</summary>
    private const string StatusRoute = "/status/{code:int}";

    /// <summary>
    /// The circuit hub of the interactive pages, the one exemption: it binds no form and takes no
    /// token; the session cookie is SameSite=Lax (not sent on a cross-site POST or WebSocket), the hub
    /// needs a signed-in user, and a circuit starts only from the protected component descriptors of a
    /// page rendered for that user (docs/decisions/0005).
    /// </summary>
    private static readonly string[] CircuitHub = ["/_blazor", "/_blazor/disconnect/", "/_blazor/initializers/", "/_blazor/negotiate"];

    /// <summary>
    /// The bot API of the service channels takes API keys only (Policies.BotApi): a browser session
    /// is refused with 403 before the endpoint runs, so there is no session whose request could be forged.
    /// </summary>
    private static bool IsKeyOnly(EndpointInfo endpoint) => endpoint.Policies.Contains(PuoAiOps.Web.Auth.Policies.BotApi);

    private IEnumerable<EndpointInfo> WriteEndpoints =>
        EndpointCatalog.All(team.Services).Where(e => e.AcceptsWrite && e.Route != StatusRoute && !CircuitHub.Contains(e.Route) && !IsKeyOnly(e));

    [Fact]
    public async Task KeyOnlyEndpoints_RefuseABrowserSession()
    {
        var keyOnly = EndpointCatalog.All(team.Services).Where(IsKeyOnly).ToList();
        Assert.Equal(["/api/v1/chat", "/api/v1/conversations/{id:long}/end", "/api/v1/feedback"], keyOnly.Select(e => e.Route).Order(StringComparer.Ordinal));
        using var admin = await team.SignInAsAsync(Roles.Admin);
        foreach (var endpoint in keyOnly)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.SampleUrl) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            using var response = await admin.Http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task CircuitHub_IsTheOnlyExemption_AndRequiresASignedInUser()
    {
        var hub = EndpointCatalog.All(team.Services).Where(e => e.IsBlazorHub).ToList();
        Assert.Equal(CircuitHub, hub.Select(e => e.Route).Distinct().Order(StringComparer.Ordinal));
        Assert.All(hub, e => Assert.Equal([PuoAiOps.Web.Auth.Policies.SignedIn], e.Policies));

        // Without a session the hub does not even negotiate.
        using var anonymous = team.CreateClient();
        using var negotiate = await anonymous.Http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.True(negotiate.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"anonymous negotiate: {negotiate.StatusCode}");
    }

    [Fact]
    public void EveryWriteEndpoint_DeclaresAnAntiforgeryCheck()
    {
        var endpoints = WriteEndpoints.ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} write endpoints");
        var missing = endpoints.Where(e => !e.ValidatesAntiforgery).Select(e => $"{e.WriteMethod} {e.Route} ({e.DisplayName})").ToList();
        Assert.True(missing.Count == 0, "no antiforgery check: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryWriteEndpoint_WithoutTheToken_Gets400()
    {
        using var admin = await team.SignInAsAsync(Roles.Admin); // holds the antiforgery cookie, sends no token
        var problems = new List<string>();
        // /setup is closed once an admin exists (404); its form is a component form, checked above.
        foreach (var endpoint in WriteEndpoints.Where(e => e.Route != "/setup"))
        {
            var isApi = endpoint.Route.StartsWith("/api/", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.WriteMethod!), endpoint.SampleUrl)
            {
                Content = isApi
                    ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                    : new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "form", ["role"] = Roles.Viewer, ["disabled"] = "true" }),
            };
            using var response = await admin.Http.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.BadRequest)
                problems.Add($"{endpoint.WriteMethod} {endpoint.SampleUrl}: {(int)response.StatusCode}");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.False(await team.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.IsDisabled))));
    }
}
