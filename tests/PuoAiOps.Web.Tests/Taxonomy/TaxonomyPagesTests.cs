using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Taxonomy;

/// <summary>The taxonomy pages render for the roles that work with content and answer 403 to the others.</summary>
public sealed class TaxonomyPagesTests(TaxonomyFixture taxonomy) : IClassFixture<TaxonomyFixture>
{
    public static TheoryData<string, bool, bool> Roles_ => new()
    {
        // role, may read the taxonomy, may propose changes
        { Roles.Curator, true, true },
        { Roles.Reviewer, true, false },
        { Roles.Admin, true, true },
        { Roles.Annotator, false, false },
        { Roles.Viewer, false, false },
    };

    [Theory]
    [MemberData(nameof(Roles_))]
    public async Task Pages_RenderForContentRoles_AndAreForbiddenToOthers(string role, bool mayRead, bool mayPropose)
    {
        var id = await taxonomy.IntentIdAsync("payment_failed");
        using var client = await taxonomy.SignInAsAsync(role);
        string[] readPages = ["/taxonomy", $"/taxonomy/intents/{id}", "/taxonomy/proposals", "/taxonomy/versions", "/taxonomy/yaml", "/taxonomy/guides", "/taxonomy/guides/payments.md"];
        string[] proposePages = ["/taxonomy/propose/add", "/taxonomy/propose/merge", $"/taxonomy/intents/{id}/rename", $"/taxonomy/intents/{id}/edit", $"/taxonomy/intents/{id}/split", $"/taxonomy/intents/{id}/deprecate"];
        foreach (var (path, allowed) in readPages.Select(p => (p, mayRead)).Concat(proposePages.Select(p => (p, mayPropose))))
        {
            var page = await client.GetPageAsync(path);
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == page.Status, $"{role} GET {path}: {page.Status}");
            Assert.True(page.HasShell, $"{role} GET {path} is not inside the shell");
            if (allowed) Assert.Equal("Taxonomy", page.Document.QuerySelector("nav.app-nav a.nav-link.active span")?.TextContent);
        }
    }

    [Fact]
    public async Task Browser_ListsDomainsAndIntents_AndSearchesNamesInEveryLocale()
    {
        using var client = await taxonomy.SignInAsAsync(Roles.Reviewer);
        var all = await client.GetPageAsync("/taxonomy");
        Assert.NotNull(all.Document.QuerySelector("[data-domain=payments] [data-intent=recharge_not_credited]"));
        Assert.NotNull(all.Document.QuerySelector("[data-domain=account] [data-intent=account_locked]"));
        Assert.Null(all.Document.QuerySelector("a[href='/taxonomy/propose/add']")); // reviewers do not propose

        var chinese = await client.GetPageAsync("/taxonomy?q=" + Uri.EscapeDataString("充值"));
        Assert.Equal(["recharge_not_credited"], chinese.Document.QuerySelectorAll("[data-intent]").Select(e => e.GetAttribute("data-intent")!).ToArray());

        var byKey = await client.GetPageAsync("/taxonomy?q=LOCKED");
        Assert.Equal(["account_locked"], byKey.Document.QuerySelectorAll("[data-intent]").Select(e => e.GetAttribute("data-intent")!).ToArray());

        var none = await client.GetPageAsync("/taxonomy?q=nothing-like-this&status=Draft");
        Assert.Contains("No intent matches", none.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntentPage_ShowsDefinitionUsageAndTheLinkedGuideSection()
    {
        var id = await taxonomy.IntentIdAsync("recharge_not_credited");
        await taxonomy.LabelQuestionsAsync(id, "coins never arrived", "paid but no coins");
        using var client = await taxonomy.SignInAsAsync(Roles.Curator);
        var page = await client.GetPageAsync($"/taxonomy/intents/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("充值未到账", page.Text, StringComparison.Ordinal);
        Assert.Contains("example for recharge_not_credited", page.Text, StringComparison.Ordinal);
        var usage = page.Document.QuerySelector("[data-testid=usage]")!.TextContent;
        Assert.Matches(@"Final labels\s*2", usage);

        var guide = page.Document.QuerySelector("[data-testid=guide-section]");
        Assert.NotNull(guide);
        Assert.Contains("Definition.", guide.TextContent, StringComparison.Ordinal);
        Assert.NotNull(guide.QuerySelector("table")); // the guide's Markdown tables are rendered
        Assert.DoesNotContain("## Payment failed", guide.TextContent, StringComparison.Ordinal); // only this section
        Assert.Contains("Propose a change", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIntent_Answers404InsideTheShell()
    {
        using var client = await taxonomy.SignInAsAsync(Roles.Curator);
        var page = await client.GetPageAsync("/taxonomy/intents/987654");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.True(page.HasShell);
        Assert.Equal("404", page.Document.QuerySelector("[data-status]")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task EmptyStates_AreShown_WhenThereIsNothing()
    {
        using var client = await taxonomy.SignInAsAsync(Roles.Reviewer);
        var rejected = await client.GetPageAsync("/taxonomy/proposals?status=rejected");
        Assert.NotNull(rejected.Document.QuerySelector(".empty-state"));
        var versions = await client.GetPageAsync("/taxonomy/versions");
        Assert.True(versions.Document.QuerySelectorAll("[data-version]").Length >= 4, "every approval publishes a version");
    }
}
