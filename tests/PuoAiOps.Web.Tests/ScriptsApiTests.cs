using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Tests;

/// <summary>GET /api/v1/scripts: the content area's policy, JSON for curators and reviewers, 403 for others, 400 for a bad filter.</summary>
public sealed class ScriptsApiTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public void ScriptsApi_DeclaresTheContentAreaPolicy()
    {
        var endpoint = Assert.Single(EndpointCatalog.All(team.Services), e => e.Route.TrimEnd('/') == "/api/v1/scripts");
        Assert.Equal([Policies.ContentArea], endpoint.Policies);
    }

    [Theory]
    [InlineData(Roles.Curator, HttpStatusCode.OK)]
    [InlineData(Roles.Reviewer, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Annotator, HttpStatusCode.Forbidden)]
    public async Task ServedScripts_AnswerByRole(string role, HttpStatusCode expected)
    {
        using var client = await team.SignInAsAsync(role);
        using var response = await client.GetAsync("/api/v1/scripts?locale=en&channel=im", "application/json");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
            Assert.Equal(System.Text.Json.JsonValueKind.Array, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.ValueKind);
    }

    [Fact]
    public async Task UnknownChannel_Is400_WithTheKnownChannels()
    {
        using var client = await team.SignInAsAsync(Roles.Curator);
        using var response = await client.GetAsync("/api/v1/scripts?channel=fax", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("im, in_app, email", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
