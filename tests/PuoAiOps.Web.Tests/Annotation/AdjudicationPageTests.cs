using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>
/// The adjudication page as first rendered: who chose what, and no judging one's own labels. The
/// decision rules (reason required, never one's own item, once only) are AdjudicationService's, tested in Application.
/// </summary>
public sealed class AdjudicationPageTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    /// <summary>A one-item batch the two given users labeled differently.</summary>
    private async Task<(BatchSummary Batch, long ItemId)> DisagreementAsync(string first, string second)
    {
        var batch = await team.NewBatchAsync(1, [first, second], labelsPerItem: 2);
        await team.LabelNextAsync(batch.Id, first, LabelInput.ForIntent(team.Intents["refund_request"]));
        await team.LabelNextAsync(batch.Id, second, LabelInput.ForIntent(team.Intents["payment_failed"]));
        var item = Assert.Single(await team.ItemsAsync(batch.Id));
        Assert.Equal(ItemStatus.NeedsAdjudication, item.Status);
        return (batch, item.Id);
    }

    [Fact]
    public async Task Reviewer_SeesWhoChoseWhat()
    {
        var (batch, itemId) = await DisagreementAsync(team.Users[Roles.Annotator].Id, team.SecondAnnotator.Id);
        using var client = await team.SignInAsAsync(Roles.Reviewer);
        var page = await client.GetPageAsync($"/annotate/adjudicate?batch={batch.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var panel = page.Document.QuerySelector(".adjudication-case")!;
        Assert.Equal(itemId.ToString(System.Globalization.CultureInfo.InvariantCulture), panel.GetAttribute("data-item-id"));
        Assert.Equal("1", panel.QuerySelector("[data-testid=queue-position]")?.GetAttribute("data-total"));
        var rows = panel.QuerySelectorAll("tr[data-given-intent]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Refund request", StringComparison.Ordinal) && r.Contains("Test Annotator", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Payment failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reviewer_WhoLabeledAnItem_DoesNotGetIt_AndIsToldWhy()
    {
        var reviewer = team.Users[Roles.Reviewer];
        var (batch, _) = await DisagreementAsync(reviewer.Id, team.SecondAnnotator.Id);
        using var client = await team.SignInAsAsync(Roles.Reviewer);
        var page = await client.GetPageAsync($"/annotate/adjudicate?batch={batch.Id}");
        Assert.NotNull(page.Document.QuerySelector("[data-testid=adjudication-empty]"));
        Assert.Contains("you labeled them yourself", page.Document.QuerySelector("[data-testid=own-hidden]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Later_PastTheEndOfTheQueue_WrapsToTheFirstCase()
    {
        var (batch, itemId) = await DisagreementAsync(team.Users[Roles.Annotator].Id, team.SecondAnnotator.Id);
        await using var scope = team.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<AdjudicationQueueReader>();
        var position = await reader.AtAsync(team.Users[Roles.Reviewer].Id, batch.Id, 5, TestContext.Current.CancellationToken);
        Assert.Equal((itemId, 1, 0), (position.Case?.ItemId, position.Total, position.Skip));
    }
}
