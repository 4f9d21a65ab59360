using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>Each annotation page opens for the roles that work there and answers 403 (inside the shell) for everyone else.</summary>
public sealed class AnnotationPageAccessTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    public static TheoryData<string, string[]> AllowedRoles => new()
    {
        { "/annotate", [Roles.Annotator, Roles.Curator, Roles.Reviewer, Roles.Admin] },
        { "/annotate/guides", [Roles.Annotator, Roles.Curator, Roles.Reviewer, Roles.Admin] },
        { "/annotate/guides/payments.md", [Roles.Annotator, Roles.Curator, Roles.Reviewer, Roles.Admin] },
        { "/annotate/batches/new", [Roles.Curator, Roles.Reviewer, Roles.Admin] },
        { "/annotate/batches/{id}", [Roles.Curator, Roles.Reviewer, Roles.Admin] },
        { "/annotate/batches/{id}/quality", [Roles.Curator, Roles.Reviewer, Roles.Admin] },
        { "/annotate/batches/{id}/label", [Roles.Annotator, Roles.Admin] },
        { "/annotate/adjudicate", [Roles.Reviewer, Roles.Admin] },
    };

    [Theory]
    [MemberData(nameof(AllowedRoles))]
    public async Task Page_OpensForItsRoles_AndIsForbiddenForOthers(string route, string[] allowed)
    {
        // The admin is assigned too, so "allowed" means a real page, not a "not assigned" notice.
        var batch = await team.NewBatchAsync(2, [team.Users[Roles.Annotator].Id, team.Admin.Id]);
        var url = route.Replace("{id}", batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var role in Roles.All)
        {
            using var client = await team.SignInAsAsync(role);
            var page = await client.GetPageAsync(url);
            var expected = allowed.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == page.Status, $"{role} GET {url}: {page.Status}");
            Assert.True(page.HasShell, $"{role} GET {url} is not inside the shell");
            if (expected == HttpStatusCode.OK) Assert.NotNull(page.Document.QuerySelector("h1"));
        }
    }

    [Theory]
    [InlineData("/annotate/batches/987654", Roles.Reviewer)]
    [InlineData("/annotate/batches/987654/quality", Roles.Curator)]
    [InlineData("/annotate/batches/987654/label", Roles.Annotator)]
    [InlineData("/annotate/guides/no-such-guide.md", Roles.Annotator)]
    public async Task UnknownBatchOrGuide_Is404InsideTheShell(string url, string role)
    {
        using var client = await team.SignInAsAsync(role);
        var page = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.True(page.HasShell);
        Assert.Equal("404", page.Document.QuerySelector("[data-status]")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task LabelPage_ForAnAnnotatorNotAssigned_SaysSo_AndShowsNoQuestion()
    {
        var batch = await team.NewBatchAsync(2, [team.SecondAnnotator.Id]);
        using var client = await team.SignInAsAsync(Roles.Annotator);
        var page = await client.GetPageAsync($"/annotate/batches/{batch.Id}/label");
        Assert.Contains("not assigned to you", page.Document.QuerySelector("[data-testid=not-assigned]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("[data-testid=question-text]"));
        Assert.Null(page.Document.QuerySelector("[data-labeling]"));
    }

    [Fact]
    public async Task AnnotateHome_ShowsAnnotatorTheirBatchesWithStart_AndReviewerEverything()
    {
        var batch = await team.NewBatchAsync(3);
        using (var annotator = await team.SignInAsAsync(Roles.Annotator))
        {
            var page = await annotator.GetPageAsync("/annotate");
            var card = page.Document.QuerySelector($"[data-batch='{batch.Id}']");
            Assert.NotNull(card);
            Assert.Equal($"/annotate/batches/{batch.Id}/label", card.QuerySelector("[data-testid=start-batch]")?.GetAttribute("href"));
            Assert.Null(page.Document.QuerySelector("[data-testid=new-batch]"));
            Assert.Null(page.Document.QuerySelector("[data-testid=adjudication-count]"));
        }
        using var reviewer = await team.SignInAsAsync(Roles.Reviewer);
        var home = await reviewer.GetPageAsync("/annotate");
        Assert.NotNull(home.Document.QuerySelector("[data-testid=new-batch]"));
        Assert.NotNull(home.Document.QuerySelector($"[data-batch-row='{batch.Id}']"));
        Assert.NotNull(home.Document.QuerySelector("[data-testid=adjudication-count]"));
        Assert.Empty(home.Document.QuerySelectorAll("[data-testid=start-batch]"));
    }

    [Fact]
    public async Task AnnotateHome_ForAnnotatorWithoutBatches_ShowsAnEmptyState()
    {
        var lonely = await team.CreateUserAsync(Roles.Annotator);
        using var client = await team.SignInAsync(lonely.Email!);
        var page = await client.GetPageAsync("/annotate");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No batches assigned to you yet", page.Text, StringComparison.Ordinal);
    }
}
