using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Taxonomy;

/// <summary>Curators propose through the forms, reviewers approve or reject; refusals come back as messages.</summary>
public sealed class TaxonomyReviewTests(TaxonomyFixture taxonomy) : IClassFixture<TaxonomyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rename_ProposedByCurator_ApprovedByReviewer_RenamesAndPublishesAVersion()
    {
        var id = await taxonomy.AddIntentAsync("account", "login_code_missing", "Login code missing", "收不到验证码");
        var versionsBefore = await taxonomy.WithDbAsync(db => db.TaxonomyVersions.CountAsync(Ct));

        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        var form = await curator.GetPageAsync($"/taxonomy/intents/{id}/rename");
        var version = form.Document.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        using var proposed = await curator.HtmxPostAsync("/taxonomy/proposals/rename", new Dictionary<string, string>
        {
            ["IntentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Version"] = version,
            ["NewKey"] = "verification_code_missing",
            ["Names[en]"] = "Verification code missing",
            ["Names[zh-CN]"] = "收不到验证码",
        });
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var location = proposed.Headers.GetValues("HX-Redirect").Single();
        Assert.Matches(@"^/taxonomy/proposals/\d+\?proposed=true$", location);
        Assert.Equal("login_code_missing", (await taxonomy.WithDbAsync(db => db.Intents.SingleAsync(i => i.Id == id, Ct))).Key);

        using var reviewer = await taxonomy.SignInAsAsync(Roles.Reviewer);
        var review = await reviewer.GetPageAsync(location);
        Assert.Contains("verification_code_missing", review.Document.QuerySelector("[data-testid=diff]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(review.Document.QuerySelector("[data-testid=impact]"));
        var changeId = location.Split('/', '?')[3];
        using var approved = await reviewer.HtmxPostAsync($"/taxonomy/proposals/{changeId}/approve", new Dictionary<string, string> { ["Note"] = "clearer wording" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal($"/taxonomy/proposals/{changeId}?reviewed=approved", approved.Headers.GetValues("HX-Redirect").Single());

        var intent = await taxonomy.WithDbAsync(db => db.Intents.SingleAsync(i => i.Id == id, Ct));
        Assert.Equal("verification_code_missing", intent.Key);
        Assert.Equal("Verification code missing", intent.Names["en"]);
        Assert.Equal(versionsBefore + 1, await taxonomy.WithDbAsync(db => db.TaxonomyVersions.CountAsync(Ct)));
        var after = await reviewer.GetPageAsync($"/taxonomy/proposals/{changeId}?reviewed=approved");
        Assert.Contains("Approved and published", after.Document.QuerySelector("[data-testid=outcome]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("[data-testid=review-panel]"));
    }

    [Fact]
    public async Task Approving_OwnProposal_IsRefusedWithAClearMessage()
    {
        var id = await taxonomy.AddIntentAsync("account", "email_change", "Change e-mail", "更换邮箱");
        using var admin = await taxonomy.SignInAsAsync(Roles.Admin); // may both propose and review
        await admin.GetPageAsync($"/taxonomy/intents/{id}/deprecate");
        using var proposed = await admin.HtmxPostAsync("/taxonomy/proposals/deprecate", new Dictionary<string, string> { ["IntentId"] = $"{id}" });
        var location = proposed.Headers.GetValues("HX-Redirect").Single();
        var changeId = location.Split('/', '?')[3];

        var page = await admin.GetPageAsync(location);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=own-proposal]"));
        using var refused = await admin.HtmxPostAsync($"/taxonomy/proposals/{changeId}/approve", new Dictionary<string, string> { ["Note"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var message = (await ConsoleClient.ReadFragmentAsync(refused)).QuerySelector("[data-testid=error-feedback]")!.TextContent;
        Assert.Contains($"You proposed change #{changeId}; another reviewer has to approve it.", message, StringComparison.Ordinal);
        Assert.Equal(IntentStatus.Active, (await taxonomy.WithDbAsync(db => db.Intents.SingleAsync(i => i.Id == id, Ct))).Status);
    }

    [Fact]
    public async Task Proposal_MadeFromAStaleIntent_Answers409WithTheConflict()
    {
        var id = await taxonomy.AddIntentAsync("account", "two_factor", "Two-factor login", "两步验证");
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync($"/taxonomy/intents/{id}/edit");
        using var stale = await curator.HtmxPostAsync("/taxonomy/proposals/edit", new Dictionary<string, string>
        {
            ["IntentId"] = $"{id}",
            ["Version"] = Guid.NewGuid().ToString(), // someone changed the intent since the form was loaded
            ["Description"] = "A new description",
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.NotNull((await ConsoleClient.ReadFragmentAsync(stale)).QuerySelector("[data-testid=error-feedback]"));
    }

    [Fact]
    public async Task InvalidProposal_ShowsEveryFieldMessage_With422()
    {
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/taxonomy/propose/add");
        using var refused = await curator.HtmxPostAsync("/taxonomy/proposals/add", new Dictionary<string, string>
        {
            ["DomainKey"] = "payments",
            ["Status"] = "Active",
            ["Intent.Key"] = "Not Snake Case",
            ["Intent.Names[zh-CN]"] = "没有英文名",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var items = (await ConsoleClient.ReadFragmentAsync(refused)).QuerySelectorAll("[data-testid=error-feedback] li").Select(li => li.TextContent).ToList();
        Assert.Contains(items, m => m.Contains("snake", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(items, m => m.Contains("'en'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddProposal_WithNamesPerLocale_IsStoredAsProposed()
    {
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/taxonomy/propose/add");
        using var proposed = await curator.HtmxPostAsync("/taxonomy/proposals/add", new Dictionary<string, string>
        {
            ["DomainKey"] = "payments",
            ["Status"] = "Draft",
            ["Intent.Key"] = "gift_card_redeem",
            ["Intent.Names[en]"] = "Redeem a gift card",
            ["Intent.Names[zh-CN]"] = "兑换礼品卡",
            ["Intent.Examples"] = "how do I redeem\r\n礼品卡怎么用\r\n",
        });
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var page = await curator.GetPageAsync(proposed.Headers.GetValues("HX-Redirect").Single());
        Assert.Contains("兑换礼品卡", page.Text, StringComparison.Ordinal);
        Assert.Contains("礼品卡怎么用", page.Text, StringComparison.Ordinal);
        Assert.Contains("Draft", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("[data-testid=review-panel]")); // curators do not review
    }

    [Fact]
    public async Task Reject_NeedsANote_ThenRecordsIt()
    {
        var id = await taxonomy.AddIntentAsync("payments", "invoice_request", "Invoice request", "索要发票");
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync($"/taxonomy/intents/{id}/deprecate");
        using var proposed = await curator.HtmxPostAsync("/taxonomy/proposals/deprecate", new Dictionary<string, string> { ["IntentId"] = $"{id}" });
        var changeId = proposed.Headers.GetValues("HX-Redirect").Single().Split('/', '?')[3];

        using var reviewer = await taxonomy.SignInAsAsync(Roles.Reviewer);
        await reviewer.GetPageAsync($"/taxonomy/proposals/{changeId}");
        using var noNote = await reviewer.HtmxPostAsync($"/taxonomy/proposals/{changeId}/reject", new Dictionary<string, string> { ["Note"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.StatusCode);
        using var rejected = await reviewer.HtmxPostAsync($"/taxonomy/proposals/{changeId}/reject", new Dictionary<string, string> { ["Note"] = "Still asked every day." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var page = await reviewer.GetPageAsync($"/taxonomy/proposals/{changeId}");
        Assert.Contains("Still asked every day.", page.Document.QuerySelector("[data-testid=review-note]")!.TextContent, StringComparison.Ordinal);

        using var again = await reviewer.HtmxPostAsync($"/taxonomy/proposals/{changeId}/approve", new Dictionary<string, string> { ["Note"] = "" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already rejected", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergePreview_ShowsTheImpactBeforeProposing_ThenProposes()
    {
        var source = await taxonomy.AddIntentAsync("payments", "coins_missing", "Coins missing", "金币没到");
        var target = await taxonomy.AddIntentAsync("payments", "coins_not_arrived", "Coins not arrived", "金币未到账");
        await taxonomy.LabelQuestionsAsync(source, "my coins are missing", "coins gone <b>bold</b>", "where are my coins");

        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync($"/taxonomy/propose/merge?source={source}");
        var fields = new List<KeyValuePair<string, string>> { new("SourceIds", $"{source}"), new("TargetId", $"{target}") };
        using var preview = await curator.HtmxPostAsync("/taxonomy/preview/merge", fields.ToDictionary());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync(Ct);
        var fragment = await ConsoleClient.ReadFragmentAsync(preview);
        Assert.Equal("3", fragment.QuerySelector("[data-testid=impact-total]")!.TextContent);
        Assert.Contains("coins gone &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal); // sample text encoded
        Assert.Equal("/taxonomy/proposals/merge", fragment.QuerySelector("[data-testid=propose]")!.GetAttribute("hx-post"));
        Assert.Equal(0, await taxonomy.WithDbAsync(db => db.TaxonomyChanges.CountAsync(c => c.Kind == TaxonomyChangeKind.Merge, Ct)));

        using var proposed = await curator.HtmxPostAsync("/taxonomy/proposals/merge", fields.ToDictionary());
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Equal(1, await taxonomy.WithDbAsync(db => db.TaxonomyChanges.CountAsync(c => c.Kind == TaxonomyChangeKind.Merge, Ct)));
    }

    [Fact]
    public async Task SplitPreview_RoutesQuestionsByKeyword()
    {
        var source = await taxonomy.AddIntentAsync("account", "login_problem", "Login problem", "登录问题");
        await taxonomy.LabelQuestionsAsync(source, "forgot my password again", "the app crashes on login", "cannot log in");

        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        var form = await curator.GetPageAsync($"/taxonomy/intents/{source}/split");
        var fields = new Dictionary<string, string>
        {
            ["SourceId"] = $"{source}",
            ["Version"] = form.Document.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
            ["DefaultRow"] = "1",
            ["NewIntents[0].Key"] = "login_password",
            ["NewIntents[0].Names[en]"] = "Login: password",
            ["NewIntents[0].Keywords"] = "password, 密码",
            ["NewIntents[1].Key"] = "login_other",
            ["NewIntents[1].Names[en]"] = "Login: other",
        };
        using var preview = await curator.HtmxPostAsync("/taxonomy/preview/split", fields);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var rows = (await ConsoleClient.ReadFragmentAsync(preview)).QuerySelectorAll(".impact-samples tbody tr")
            .ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);
        Assert.Equal("login_password", rows["forgot my password again"]);
        Assert.Equal("login_other", rows["cannot log in"]);

        using var proposed = await curator.HtmxPostAsync("/taxonomy/proposals/split", fields);
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var page = await curator.GetPageAsync(proposed.Headers.GetValues("HX-Redirect").Single());
        Assert.Contains("password, 密码", page.Document.QuerySelector("[data-testid=split-intents]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewEndpoints_AreForbiddenToCurators()
    {
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/taxonomy");
        using var response = await curator.HtmxPostAsync("/taxonomy/proposals/1/approve", new Dictionary<string, string> { ["Note"] = "" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ProposalPost_WithoutAntiforgeryToken_IsRejected()
    {
        var id = await taxonomy.IntentIdAsync("password_reset");
        var before = await taxonomy.WithDbAsync(db => db.TaxonomyChanges.CountAsync(Ct));
        using var curator = await taxonomy.SignInAsAsync(Roles.Curator);
        using var response = await curator.HtmxPostAsync("/taxonomy/proposals/deprecate", new Dictionary<string, string> { ["IntentId"] = $"{id}" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await taxonomy.WithDbAsync(db => db.TaxonomyChanges.CountAsync(Ct)));
    }
}
