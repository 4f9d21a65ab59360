using System.Globalization;
using System.Text.Json;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>An item leased to one annotator cannot be labeled by another through the REST API (the labeling page calls the same QueueService).</summary>
public sealed class LeaseRuleEndpointTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    [Fact]
    public async Task Label_ForAnItemLeasedToSomeoneElse_IsRefused_AndTheHoldersLabelGoesThrough()
    {
        var batch = await team.NewBatchAsync(2, [team.Users[Roles.Annotator].Id, team.SecondAnnotator.Id], labelsPerItem: 1);
        using var holder = await team.SignInAsAsync(Roles.Annotator);
        var page = await holder.GetPageAsync($"/annotate/batches/{batch.Id}/label");
        var leased = Fragments.ItemId(page.Document) ?? throw new InvalidOperationException("no item on the page");
        using var other = await team.SignInAsync(team.SecondAnnotator.Email!);
        var otherPage = await other.GetPageAsync($"/annotate/batches/{batch.Id}/label");
        Assert.NotEqual(leased, Fragments.ItemId(otherPage.Document)); // the page itself never offers it

        using (var api = await AnnotationApiTests.PostJsonAsync(other, $"/api/v1/annotation/batches/{batch.Id}/submit",
                   new { itemId = leased, intentId = team.Intents["refund_request"] }, await AnnotationApiTests.TokenAsync(other)))
        {
            Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
            using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Contains("reserved for another annotator", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        }
        Assert.Empty(await team.LabelsAsync(batch.Id));

        using var mine = await AnnotationApiTests.PostJsonAsync(holder, $"/api/v1/annotation/batches/{batch.Id}/submit",
            new { itemId = leased, intentId = team.Intents["refund_request"] }, await AnnotationApiTests.TokenAsync(holder));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var label = Assert.Single(await team.LabelsAsync(batch.Id));
        Assert.Equal((leased, team.Users[Roles.Annotator].Id), (label.ItemId, label.UserId));
    }
}
