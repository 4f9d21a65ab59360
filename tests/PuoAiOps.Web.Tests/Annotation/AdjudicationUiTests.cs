using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>The adjudication page: who chose what, a decision with a reason, and no judging one's own labels.</summary>
public sealed class AdjudicationUiTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
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
    public async Task Reviewer_SeesWhoChoseWhat_AndDecides_WithAReasonRequired()
    {
        var (batch, itemId) = await DisagreementAsync(team.Users[Roles.Annotator].Id, team.SecondAnnotator.Id);
        using var client = await team.SignInAsAsync(Roles.Reviewer);
        var page = await client.GetPageAsync($"/annotate/adjudicate?batch={batch.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var panel = page.Document.QuerySelector(".adjudication-case")!;
        Assert.Equal(itemId.ToString(System.Globalization.CultureInfo.InvariantCulture), panel.GetAttribute("data-item-id"));
        var rows = panel.QuerySelectorAll("tr[data-given-intent]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Refund request", StringComparison.Ordinal) && r.Contains("Test Annotator", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Payment failed", StringComparison.Ordinal));
        // The annotators' answers come first in the picker.
        Assert.Equal($"{team.Intents["refund_request"]},{team.Intents["payment_failed"]}".Split(',').Order(), panel.GetAttribute("data-candidates")!.Split(',').Order());

        var decision = new Dictionary<string, string>
        {
            ["intentId"] = team.Intents["payment_failed"].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["batch"] = batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["skip"] = "0",
            ["reason"] = "",
        };
        using (var refused = await client.HtmxPostAsync($"/annotate/adjudicate/{itemId}", decision))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var again = await Fragments.ParseAsync(refused);
            Assert.Contains("reason", again.QuerySelector("[data-testid=adjudication-error]")?.TextContent, StringComparison.Ordinal);
            Assert.Equal(team.Intents["payment_failed"].ToString(System.Globalization.CultureInfo.InvariantCulture),
                again.QuerySelector("#decision-form [data-field=intent]")?.GetAttribute("value"));
        }

        decision["reason"] = "The card was declined; no money left the account.";
        using var decided = await client.HtmxPostAsync($"/annotate/adjudicate/{itemId}", decision);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var next = await Fragments.ParseAsync(decided);
        Assert.NotNull(next.QuerySelector("[data-testid=adjudication-empty]"));

        var stored = await team.WithDbAsync(db => db.Adjudications.AsNoTracking().SingleAsync(a => a.ItemId == itemId));
        Assert.Equal((team.Users[Roles.Reviewer].Id, team.Intents["payment_failed"]), (stored.ReviewerId, stored.IntentId!.Value));
        var question = await team.WithDbAsync(db => db.Questions.AsNoTracking().SingleAsync(q => db.Items.Any(i => i.Id == itemId && i.QuestionId == q.Id)));
        Assert.Equal((team.Intents["payment_failed"], FinalLabelSources.Adjudicated), (question.FinalIntentId!.Value, question.FinalLabelSource));
    }

    [Fact]
    public async Task Reviewer_WhoLabeledAnItem_DoesNotGetIt_AndIsToldWhy()
    {
        var reviewer = await team.CreateUserAsync(Roles.Reviewer);
        var (batch, itemId) = await DisagreementAsync(reviewer.Id, team.SecondAnnotator.Id);
        using var client = await team.SignInAsync(reviewer.Email!);
        var page = await client.GetPageAsync($"/annotate/adjudicate?batch={batch.Id}");
        Assert.NotNull(page.Document.QuerySelector("[data-testid=adjudication-empty]"));
        Assert.Contains("you labeled it yourself", page.Document.QuerySelector("[data-testid=own-hidden]")?.TextContent, StringComparison.Ordinal);

        using var refused = await client.HtmxPostAsync($"/annotate/adjudicate/{itemId}", new Dictionary<string, string>
        {
            ["outOfScope"] = "true",
            ["reason"] = "trying anyway",
            ["batch"] = batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("You labeled this item yourself", (await Fragments.ParseAsync(refused)).QuerySelector("[data-testid=adjudication-warning]")?.TextContent, StringComparison.Ordinal);
        Assert.False(await team.WithDbAsync(db => db.Adjudications.AnyAsync(a => a.ItemId == itemId)));
    }

    [Fact]
    public async Task Later_ShowsTheNextCase_AndWrapsAround()
    {
        var (batch, _) = await DisagreementAsync(team.Users[Roles.Annotator].Id, team.SecondAnnotator.Id);
        using var client = await team.SignInAsAsync(Roles.Reviewer);
        await client.GetPageAsync("/annotate/adjudicate");
        using var response = await Fragments.HtmxGetAsync(client, $"/annotate/adjudicate/case?skip=5&batch={batch.Id}");
        var panel = await Fragments.ParseAsync(response);
        Assert.Equal("1", panel.QuerySelector("[data-testid=queue-total]")?.TextContent);
        Assert.Contains("Case 1 of 1", panel.QuerySelector(".case-position")?.TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
