using PuoAiOps.Application.Persistence.Entities;
namespace PuoAiOps.Web.Tests.Classification;

/// <summary>The classifier pages of a workspace without labels or models say so and what to do.</summary>
public sealed class ClassifierEmptyTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task EmptyWorkspace_ShowsEmptyStates_AndDisablesTraining()
    {
        using var client = await team.SignInAsAsync(Roles.Reviewer);
        var page = await client.GetPageAsync("/classifier");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No labeled questions yet", page.Text, StringComparison.Ordinal);
        Assert.Contains("No model trained yet", page.Text, StringComparison.Ordinal);
        Assert.Contains("No version serves yet", page.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing has run yet", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=train-button][disabled]"));

        var compare = await client.GetPageAsync("/classifier/compare");
        Assert.Equal(HttpStatusCode.OK, compare.Status);
        Assert.Contains("Comparing needs at least two versions", compare.Text, StringComparison.Ordinal);
    }
}
