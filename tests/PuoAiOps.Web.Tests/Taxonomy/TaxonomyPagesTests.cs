using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Taxonomy;

/// <summary>
/// The taxonomy pages on the interactive shell, as the server prerenders them: who may open which,
/// the intent's definition and guide section, the reader's language, and 404 for an unknown id. What
/// the pages do over the circuit is in the bUnit tests beside this file and in TaxonomyWalkthroughTests.
/// </summary>
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
            if (!allowed) continue;
            Assert.True(page.Document.QuerySelector("script[src*='_framework/blazor.web.js']") is not null, $"{path} is not interactive");
            Assert.True(page.Document.QuerySelector("[data-testid=console-nav] a.active[href='/taxonomy']") is not null, $"{path}: Taxonomy is not the current navigation entry");
            Assert.True(page.Document.QuerySelector("h1") is not null, $"{path} has no heading");
        }
    }

    [Fact]
    public async Task IntentsPage_OffersProposals_OnlyToCurators()
    {
        using var reviewer = await taxonomy.SignInAsAsync(Roles.Reviewer);
        var read = await reviewer.GetPageAsync("/taxonomy");
        Assert.Null(read.Document.QuerySelector("[data-testid=propose-intent]"));
        Assert.NotNull(read.Document.QuerySelector("[data-testid=intents]"));
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        var curate = await curator.GetPageAsync("/taxonomy");
        Assert.Equal("/taxonomy/propose/add", curate.Document.QuerySelector("[data-testid=propose-intent]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task IntentPage_ShowsDefinitionUsageAndTheLinkedGuideSection()
    {
        var id = await taxonomy.IntentIdAsync("recharge_not_credited");
        await taxonomy.LabelQuestionsAsync(id, "coins never arrived", "paid but no coins");
        using var client = await taxonomy.SignInAsAsync(Roles.Curator);
        var page = await client.GetPageAsync($"/taxonomy/intents/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("充值未到账", page.Document.QuerySelector("span[lang=zh-CN]")?.TextContent);
        Assert.Contains("example for recharge_not_credited", page.Text, StringComparison.Ordinal);
        Assert.Equal("2", page.Document.QuerySelector("[data-testid=usage] [data-usage=FinalLabels]")?.TextContent);

        var guide = page.Document.QuerySelector("[data-testid=guide-section]");
        Assert.NotNull(guide);
        Assert.Contains("Definition.", guide.TextContent, StringComparison.Ordinal);
        Assert.NotNull(guide.QuerySelector("table")); // the guide's Markdown tables are rendered
        Assert.DoesNotContain("## Payment failed", guide.TextContent, StringComparison.Ordinal); // only this section
        Assert.Contains("Propose a change", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntentPage_ForAChineseBrowser_IsInChinese_AndShowsTheIntentsChineseName()
    {
        var id = await taxonomy.IntentIdAsync("recharge_not_credited");
        using var client = await taxonomy.SignInAsAsync(Roles.Reviewer);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await client.GetPageAsync($"/taxonomy/intents/{id}");
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("标注指南", page.Text, StringComparison.Ordinal);
        Assert.Contains("使用情况", page.Text, StringComparison.Ordinal);
        Assert.Equal("zh-CN", page.Document.QuerySelector("h1 span")?.GetAttribute("lang")); // the intent's own Chinese name
        Assert.Equal("充值未到账", page.Document.QuerySelector("h1 span")?.TextContent);
    }

    [Theory]
    [InlineData("/taxonomy/intents/987654")]
    [InlineData("/taxonomy/intents/987654/rename")]
    [InlineData("/taxonomy/proposals/987654")]
    [InlineData("/taxonomy/guides/no-such-guide.md")]
    public async Task UnknownIds_Answer404InsideTheShell(string path)
    {
        using var client = await taxonomy.SignInAsAsync(Roles.Curator);
        var page = await client.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.True(page.HasShell);
        Assert.Equal("404", page.Document.QuerySelector("[data-status]")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task YamlPage_OffersTheImport_OnlyToCurators()
    {
        using var reviewer = await taxonomy.SignInAsAsync(Roles.Reviewer);
        var read = await reviewer.GetPageAsync("/taxonomy/yaml");
        Assert.Null(read.Document.QuerySelector("[data-testid=yaml-import]"));
        Assert.Equal("/taxonomy/export.yaml", read.Document.QuerySelector("[data-testid=export]")?.GetAttribute("href"));
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        var curate = await curator.GetPageAsync("/taxonomy/yaml");
        Assert.NotNull(curate.Document.QuerySelector("[data-testid=yaml-import] input#yaml-file[type=file]"));
    }

    [Fact]
    public async Task ProposalPage_ShowsTheChange_AndTheReviewPanelOnlyToReviewers()
    {
        var id = await taxonomy.AddIntentAsync("payments", "invoice_copy", "Invoice copy", "发票副本");
        var change = await taxonomy.WithServiceAsync<Application.Taxonomy.Changes.TaxonomyChangeService, Application.Taxonomy.Changes.ChangeView>(s =>
            s.ProposeDeprecateAsync(new Application.Taxonomy.Changes.DeprecateIntentPayload { IntentId = id }, taxonomy.CuratorActor));
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        var own = await curator.GetPageAsync($"/taxonomy/proposals/{change.Id}?proposed=true");
        Assert.Contains("Proposed.", own.Document.QuerySelector("[data-testid=outcome]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(own.Document.QuerySelector("[data-testid=review-panel]")); // curators do not review
        Assert.NotNull(own.Document.QuerySelector("[data-testid=impact]"));

        using var reviewer = await taxonomy.SignInAsAsync(Roles.Reviewer);
        var review = await reviewer.GetPageAsync($"/taxonomy/proposals/{change.Id}");
        Assert.NotNull(review.Document.QuerySelector("[data-testid=review-panel] #reject-note"));
        Assert.Contains("invoice_copy", review.Text, StringComparison.Ordinal);
    }
}
