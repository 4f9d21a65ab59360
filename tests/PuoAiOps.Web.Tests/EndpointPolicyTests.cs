using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Navigation;

namespace PuoAiOps.Web.Tests;

/// <summary>Deny by default: every endpoint declares a policy, and only a short list is anonymous.</summary>
public sealed class EndpointPolicyTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    /// <summary>
    /// The only routes anyone may reach without signing in (static files are served before routing).
    /// The bot API's OpenAPI document and its reference page (with the viewer's own assets) are public:
    /// they describe only the key-protected bot endpoints, for developers who hold keys, not accounts.
    /// </summary>
    private static readonly HashSet<string> AnonymousRoutes = new(StringComparer.Ordinal)
    {
        "/login", "/setup", "/healthz", "/status/{code:int}",
        // The theme's colours and sizes for the static pages (Web/Shell/ThemeStylesheet): public like the files under wwwroot.
        "/theme.css",
        "/openapi/{documentName}.json", "/api-reference/{documentName?}", "/api-reference/scalar.js", "/api-reference/scalar.aspnetcore.js", "/api-reference/favicon.svg",
    };

    private IReadOnlyList<EndpointInfo> Endpoints => EndpointCatalog.All(console.Services);

    [Fact]
    public void EveryEndpoint_DeclaresAPolicyOrIsOnTheAnonymousList()
    {
        var problems = PolicyProblems(Endpoints);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Catalog_SeesComponentPagesAndMinimalApis()
    {
        Assert.Contains(Endpoints, e => e.IsComponentPage && e.Route == "/admin/users");
        Assert.Contains(Endpoints, e => e.IsComponentPage && e.Route == "/login");
        Assert.Contains(Endpoints, e => !e.IsComponentPage && e.Route == "/api/v1/me");
        Assert.Contains(Endpoints, e => !e.IsComponentPage && e.Route == "/questions/imports" && e.Methods.SequenceEqual(["POST"]));
        Assert.Contains(Endpoints, e => e.Route == "/healthz");
    }

    /// <summary>Why the console's endpoints break deny-by-default; empty when they don't.</summary>
    internal static List<string> PolicyProblems(IEnumerable<EndpointInfo> endpoints)
    {
        var list = endpoints.ToList();
        Assert.NotEmpty(list);
        var problems = new List<string>();
        foreach (var endpoint in list)
        {
            if (endpoint.AllowsAnonymous)
            {
                if (!AnonymousRoutes.Contains(endpoint.Route))
                    problems.Add($"{endpoint.DisplayName}: anonymous but not on the allowed list");
            }
            else if (endpoint.Policies.Count == 0 && endpoint.Roles.Count == 0)
            {
                problems.Add($"{endpoint.DisplayName}: declares no policy or roles");
            }
        }
        return problems;
    }

    [Fact]
    public void AnonymousList_HasNoStaleEntries()
    {
        var anonymous = Endpoints.Where(e => e.AllowsAnonymous).Select(e => e.Route).ToHashSet();
        Assert.Equal(AnonymousRoutes.Order(), anonymous.Order());
    }

    [Fact]
    public async Task EveryDeclaredPolicy_IsDefined()
    {
        var provider = console.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        foreach (var policy in Endpoints.SelectMany(e => e.Policies).Distinct())
            Assert.True(await provider.GetPolicyAsync(policy) is not null, $"policy {policy} is not defined");
    }

    [Fact]
    public void EveryNavEntry_PointsAtAPageWithTheSamePolicy()
    {
        foreach (var item in NavCatalog.Items)
        {
            var page = Endpoints.SingleOrDefault(e => e.Route == item.Href && e.AcceptsGet);
            Assert.True(page is not null, $"nav entry {item.Title} points at {item.Href}, which has no page");
            Assert.Equal([item.Policy], page.Policies);
        }
    }

    [Fact]
    public void FallbackPolicy_RequiresASignedInUser()
    {
        var options = console.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
        Assert.NotNull(options.FallbackPolicy);
        Assert.Contains(options.FallbackPolicy.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
        Assert.NotNull(options.GetPolicy(Policies.SignedIn));
    }
}

/// <summary>The policy check fails for a console with an endpoint that declares nothing, or an unlisted anonymous one.</summary>
public sealed class EndpointPolicyCheckTests(EndpointPolicyCheckTests.UnguardedConsole console) : IClassFixture<EndpointPolicyCheckTests.UnguardedConsole>
{
    [Fact]
    public void PolicyCheck_NamesAnEndpointWithoutAPolicy_AndAnUnlistedAnonymousOne()
    {
        var problems = EndpointPolicyTests.PolicyProblems(EndpointCatalog.All(console.Services));
        Assert.Contains(problems, p => p.Contains("/unguarded", StringComparison.Ordinal) && p.Contains("declares no policy", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/open-door", StringComparison.Ordinal) && p.Contains("not on the allowed list", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    /// <summary>The real console plus two endpoints mapped the way a careless feature would.</summary>
    public sealed class UnguardedConsole : ConsoleFixture
    {
        public UnguardedConsole() =>
            Factory.ConfigureServices.Add(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, UnguardedEndpoints>());
    }

    private sealed class UnguardedEndpoints : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRouting();
            app.UseEndpoints(e =>
            {
                e.MapGet("/unguarded", () => "open");
                e.MapPost("/open-door", () => "open").AllowAnonymous();
            });
            next(app);
        };
    }
}
