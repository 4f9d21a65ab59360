using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Navigation;

namespace PuoAiOps.Web.Tests;

/// <summary>Deny by default: every endpoint declares a policy, and only a short list is anonymous.</summary>
public sealed class EndpointPolicyTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    /// <summary>The only routes anyone may reach without signing in (static files are served before routing).</summary>
    private static readonly HashSet<string> AnonymousRoutes = new(StringComparer.Ordinal)
    {
        "/login", "/setup", "/healthz", "/status/{code:int}",
    };

    private IReadOnlyList<EndpointInfo> Endpoints => EndpointCatalog.All(console.Services);

    [Fact]
    public void EveryEndpoint_DeclaresAPolicyOrIsOnTheAnonymousList()
    {
        Assert.NotEmpty(Endpoints);
        var problems = new List<string>();
        foreach (var endpoint in Endpoints)
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
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
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
