using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Taxonomy;

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

    [Fact]
    public async Task Import_OfAMalformedFile_ShowsTheLineOfEachProblem_AndStoresNothing()
    {
        var before = await taxonomy.WithDbAsync(db => db.TaxonomyChanges.CountAsync(Ct));
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/taxonomy/yaml");
        const string yaml = "format: puo-taxonomy/1\ndomains:\n- key: payments\n  intents:\n  - key: Bad Key\n    names: {en: Bad}\n";
        using var response = await curator.HtmxPostFileAsync("/taxonomy/import", "file", "broken.yaml", Encoding.UTF8.GetBytes(yaml));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var messages = (await ConsoleClient.ReadFragmentAsync(response)).QuerySelector("[data-testid=error-feedback]")!.TextContent;
        Assert.Matches(@"Line 5: ", messages);
        Assert.Equal(before, await taxonomy.WithDbAsync(db => db.TaxonomyChanges.CountAsync(Ct)));
    }

    [Fact]
    public async Task Import_OfAYamlBomb_IsRefusedWithTheAnchorLine_AndStoresNothing()
    {
        // 600 x 600 x 600 scalars behind three anchors, in 13 KB: refused at the first anchor, never expanded.
        string Row(string item) => "[" + string.Join(",", Enumerable.Repeat(item, 600)) + "]";
        var bomb = $"format: puo-taxonomy/1\na: &a {Row("lol")}\nb: &b {Row("*a")}\nc: &c {Row("*b")}\ndomains: *c\n";
        var before = await taxonomy.WithDbAsync(db => db.TaxonomyChanges.CountAsync(Ct));
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/taxonomy/yaml");

        using var fragment = await curator.HtmxPostFileAsync("/taxonomy/import", "file", "bomb.yaml", Encoding.UTF8.GetBytes(bomb));
        // The console's status for a refused file (a ValidationException: 400 in the API's terms), which htmx swaps in.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fragment.StatusCode);
        var messages = (await ConsoleClient.ReadFragmentAsync(fragment)).QuerySelector("[data-testid=error-feedback]")!.TextContent;
        Assert.Contains("Line 2: YAML anchors (&a) are not accepted", messages, StringComparison.Ordinal);
        Assert.Equal(before, await taxonomy.WithDbAsync(db => db.TaxonomyChanges.CountAsync(Ct)));
    }

    [Fact]
    public async Task Import_OfAnExportWithANewIntent_ProposesOnlyTheDifference()
    {
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        using var export = await curator.GetAsync("/taxonomy/export.yaml", "*/*");
        var yaml = await export.Content.ReadAsStringAsync(Ct);
        yaml = yaml.Replace("  - key: payment_failed", "  - key: refund_status\n    names:\n      en: Refund status\n  - key: payment_failed", StringComparison.Ordinal);

        await curator.GetPageAsync("/taxonomy/yaml");
        using var dryRun = await curator.HtmxPostFileAsync("/taxonomy/import", "file", "taxonomy.yaml", Encoding.UTF8.GetBytes(yaml),
            new Dictionary<string, string> { ["dryRun"] = "true", ["keepMissing"] = "true" });
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Contains("Nothing was stored", await dryRun.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(await taxonomy.WithDbAsync(db => db.TaxonomyChanges.AnyAsync(c => c.Summary.Contains("refund_status"), Ct)));

        using var imported = await curator.HtmxPostFileAsync("/taxonomy/import", "file", "taxonomy.yaml", Encoding.UTF8.GetBytes(yaml),
            new Dictionary<string, string> { ["keepMissing"] = "true" });
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = (await ConsoleClient.ReadFragmentAsync(imported)).QuerySelector("[data-testid=yaml-import-result]")!;
        Assert.Contains("refund_status", result.TextContent, StringComparison.Ordinal);
        Assert.NotNull(result.QuerySelector("a[href^='/taxonomy/proposals/']"));
        var pending = await taxonomy.WithDbAsync(db => db.TaxonomyChanges.Where(c => c.Status == ReviewStatus.Pending).Select(c => c.Kind).ToListAsync(Ct));
        Assert.Equal([TaxonomyChangeKind.Add], pending);
    }

    [Fact]
    public async Task Import_IsForCuratorsOnly()
    {
        using var reviewer = await taxonomy.SignInAsAsync(Roles.Reviewer);
        var page = await reviewer.GetPageAsync("/taxonomy/yaml");
        Assert.Null(page.Document.QuerySelector("[data-testid=yaml-import]"));
        using var response = await reviewer.HtmxPostFileAsync("/taxonomy/import", "file", "t.yaml", Encoding.UTF8.GetBytes("format: puo-taxonomy/1\n"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
