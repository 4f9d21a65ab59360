using System.Text.Json;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Taxonomy;

/// <summary>The read API answers JSON, and the application's errors as problem details with the mapped status.</summary>
public sealed class TaxonomyApiTests(TaxonomyFixture taxonomy) : IClassFixture<TaxonomyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tree_Intent_AndChanges_AreJson_WithEnumNamesAndTypedPayloads()
    {
        using var reviewer = await taxonomy.SignInAsAsync(Roles.Reviewer);
        using var tree = await reviewer.GetAsync("/api/v1/taxonomy?q=" + Uri.EscapeDataString("支付"), "application/json");
        Assert.Equal(HttpStatusCode.OK, tree.StatusCode);
        using var treeJson = JsonDocument.Parse(await tree.Content.ReadAsStringAsync(Ct));
        var intent = treeJson.RootElement[0].GetProperty("intents")[0];
        Assert.Equal("payment_failed", intent.GetProperty("key").GetString());
        Assert.Equal("Active", intent.GetProperty("status").GetString());

        using var changes = await reviewer.GetAsync("/api/v1/taxonomy/changes?status=Approved", "application/json");
        using var changesJson = JsonDocument.Parse(await changes.Content.ReadAsStringAsync(Ct));
        var first = changesJson.RootElement.EnumerateArray().Last();
        Assert.Equal("Add", first.GetProperty("kind").GetString());
        Assert.Equal("recharge_not_credited", first.GetProperty("payload").GetProperty("intent").GetProperty("key").GetString());
    }

    [Fact]
    public async Task UnknownIntent_IsAProblemDetails404_AndOtherRolesGet403()
    {
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        using var missing = await curator.GetAsync("/api/v1/taxonomy/intents/424242", "application/json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Intent 424242 does not exist.", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var viewer = await taxonomy.SignInAsAsync(Roles.Viewer);
        using var forbidden = await viewer.GetAsync("/api/v1/taxonomy", "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
