using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Navigation;

namespace PuoAiOps.Web.Tests;

/// <summary>Each role sees only its navigation entries, may open only those pages, and cannot write elsewhere.</summary>
public sealed class RoleAccessTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static readonly string[] Everything =
        ["/", "/annotate", "/taxonomy", "/questions", "/classifier", "/scripts", "/knowledge", "/playground", "/conversations", "/dashboards", "/reports", "/escalations", "/admin"];

    /// <summary>The navigation each role must see, written out (not derived from the code under test).</summary>
    public static TheoryData<string, string[]> NavByRole => new()
    {
        { Roles.Annotator, ["/", "/annotate"] },
        { Roles.Curator, ["/", "/annotate", "/taxonomy", "/questions", "/classifier", "/scripts", "/knowledge", "/playground", "/conversations", "/dashboards", "/reports", "/escalations"] },
        { Roles.Reviewer, ["/", "/annotate", "/taxonomy", "/classifier", "/scripts", "/playground", "/conversations", "/dashboards", "/reports", "/escalations"] },
        { Roles.Viewer, ["/", "/conversations", "/dashboards", "/reports", "/escalations"] },
        { Roles.Admin, Everything },
    };

    [Theory]
    [MemberData(nameof(NavByRole))]
    public async Task EachRole_SeesOnlyItsNavEntries_AndOpensOnlyThosePages(string role, string[] expected)
    {
        using var client = await team.SignInAsAsync(role);
        var home = await client.GetPageAsync("/");
        Assert.Equal(expected, home.NavHrefs);

        foreach (var path in Everything)
        {
            var page = await client.GetPageAsync(path);
            var allowed = expected.Contains(path);
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == page.Status, $"{role} GET {path}: {page.Status}");
            Assert.True(page.HasShell, $"{role} GET {path} is not inside the shell");
            if (!allowed) Assert.Equal("403", page.Document.QuerySelector("[data-status]")?.GetAttribute("data-status"));
        }
    }

    [Fact]
    public async Task Viewer_GetsForbiddenInsideTheShell_OnEveryAdminPage()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        var adminPages = EndpointCatalog.All(team.Services).Where(e => e.AcceptsGet && e.Route.StartsWith("/admin", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(adminPages);
        foreach (var endpoint in adminPages)
        {
            var page = await client.GetPageAsync(endpoint.SampleUrl);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"GET {endpoint.SampleUrl}: {page.Status}");
            Assert.True(page.HasShell);
            Assert.Contains("You don't have access to this page", page.Text, StringComparison.Ordinal);
            Assert.Equal(["/", "/conversations", "/dashboards", "/reports", "/escalations"], page.NavHrefs);
        }
    }

    [Fact]
    public async Task Viewer_Gets403_OnEveryWriteEndpointItMayNotUse()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        var provider = team.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = team.Services.GetRequiredService<IAuthorizationService>();
        var viewer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "v"), new Claim(ClaimTypes.Role, Roles.Viewer)], "test"));

        var checkedCount = 0;
        foreach (var endpoint in EndpointCatalog.All(team.Services).Where(e => e.AcceptsPost && !e.AllowsAnonymous))
        {
            var policy = endpoint.CombinedPolicy(provider);
            if (policy is not null && (await authorization.AuthorizeAsync(viewer, policy)).Succeeded) continue;
            // A valid token and a plausible form: only the role may stop this request.
            using var response = await client.HtmxPostAsync(endpoint.SampleUrl, new Dictionary<string, string>
            {
                ["role"] = Roles.Admin,
                ["disabled"] = "true",
                ["_handler"] = "form",
            });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {endpoint.SampleUrl} ({endpoint.DisplayName}): {response.StatusCode}");
            checkedCount++;
        }
        // The admin user endpoints and the admin/feature pages (which accept form posts) at least.
        Assert.True(checkedCount >= 10, $"only {checkedCount} write endpoints checked");
        Assert.False((await team.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == team.Admin.Id)))).IsDisabled);
    }

    [Fact]
    public async Task Viewer_Gets403FromTheAdminApi()
    {
        using var client = await team.SignInAsAsync(Roles.Viewer);
        using var response = await client.GetAsync("/api/v1/admin/users", "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Pages that exist (everything else in the navigation is a coming-soon placeholder).</summary>
    private static readonly HashSet<string> Built = ["/", "/admin", "/annotate", "/taxonomy", "/questions", "/classifier"];

    [Fact]
    public async Task ComingSoonPages_SayWhatTheyWillDo_WithoutData()
    {
        using var client = await team.SignInAsAsync(Roles.Admin);
        foreach (var item in NavCatalog.Items.Where(i => !Built.Contains(i.Href)))
        {
            var page = await client.GetPageAsync(item.Href);
            var panel = page.Document.QuerySelector("[data-testid=coming-soon]");
            Assert.True(panel is not null, $"{item.Href} has no coming-soon panel");
            Assert.Contains("not available yet", panel.TextContent, StringComparison.Ordinal);
            Assert.True(panel.QuerySelectorAll("li").Length >= 2, $"{item.Href} lists no planned capabilities");
            Assert.Empty(page.Document.QuerySelectorAll("main table"));
        }
    }
}
