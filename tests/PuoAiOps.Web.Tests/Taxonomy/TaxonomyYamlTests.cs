using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Taxonomy;

/// <summary>The taxonomy's YAML downloads (the import is made on the interactive page: TaxonomyWalkthroughTests, and the Application tests of TaxonomyYaml).</summary>
public sealed class TaxonomyYamlTests(TaxonomyFixture taxonomy) : IClassFixture<TaxonomyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_DownloadsTheTaxonomyAsAYamlFile()
    {
        using var reviewer = await taxonomy.SignInAsAsync(Roles.Reviewer);
        using var response = await reviewer.GetAsync("/taxonomy/export.yaml", "*/*");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".yaml", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var yaml = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("format: puo-taxonomy/1", yaml, StringComparison.Ordinal);
        Assert.Contains("key: recharge_not_credited", yaml, StringComparison.Ordinal);
        Assert.Contains("充值未到账", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionSnapshot_DownloadsThatVersion_AndUnknownVersionIs404()
    {
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        using var first = await curator.GetAsync("/taxonomy/versions/1/snapshot.yaml", "*/*");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var yaml = await first.Content.ReadAsStringAsync(Ct);
        Assert.Contains("recharge_not_credited", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("password_reset", yaml, StringComparison.Ordinal); // added by a later version
        using var missing = await curator.GetAsync("/taxonomy/versions/999/snapshot.yaml", "*/*");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
