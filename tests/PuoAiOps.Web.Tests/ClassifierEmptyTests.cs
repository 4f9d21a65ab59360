using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests;

/// <summary>The Classifier page of a workspace without labels or models says so and what to do.</summary>
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
        Assert.NotNull(page.Document.QuerySelector("[data-testid=train-button][disabled]"));

        var compare = await client.GetPageAsync("/classifier/compare");
        Assert.Contains("Comparing needs at least two versions", compare.Text, StringComparison.Ordinal);

        // Training anyway is refused with the reason, not an error page.
        using var response = await client.HtmxPostAsync("/classifier/train", new Dictionary<string, string> { ["name"] = "" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var message = await Poll.ForAsync(
            () => team.WithDbAsync(db => Task.FromResult(db.Jobs.OrderBy(j => j.Id).Select(j => j.Status == JobStatus.Failed ? j.Message : null).FirstOrDefault())),
            TimeSpan.FromSeconds(30), "the training job to fail with its reason", TestContext.Current.CancellationToken);
        Assert.Contains("Label more questions first", message, StringComparison.Ordinal);
    }
}
