using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>The labeling page and its htmx endpoints, through HTTP as the page uses them.</summary>
public sealed class LabelingEndpointTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    private string AnnotatorId => team.Users[Roles.Annotator].Id;

    private static Dictionary<string, string> Answer(int intentId, int durationMs = 4200) => new()
    {
        ["intentId"] = intentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["durationMs"] = durationMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<(ConsoleClient Client, long ItemId)> OpenAsync(BatchSummary batch)
    {
        var client = await team.SignInAsAsync(Roles.Annotator);
        var page = await client.GetPageAsync($"/annotate/batches/{batch.Id}/label");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (client, Fragments.ItemId(page.Document) ?? throw new InvalidOperationException("no item on the page"));
    }

    [Fact]
    public async Task SubmitAndNext_StoresTheLabel_AndReturnsTheNextItemPanel()
    {
        var batch = await team.NewBatchAsync(3, [AnnotatorId]);
        var (client, first) = await OpenAsync(batch);
        using (client)
        {
            using var response = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{first}/label", new Dictionary<string, string>(Answer(team.Intents["refund_request"]))
            {
                ["unclear"] = "true",
                ["note"] = "mentions two orders",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var panel = await Fragments.ParseAsync(response);
            var next = Fragments.ItemId(panel);
            Assert.NotNull(next);
            Assert.NotEqual(first, next);
            Assert.Null(panel.QuerySelector("header.app-topbar")); // a fragment, not a page
            Assert.Equal("1", panel.QuerySelector("[data-testid=my-labeled]")?.TextContent);

            var label = Assert.Single(await team.LabelsAsync(batch.Id));
            Assert.Equal((first, AnnotatorId, team.Intents["refund_request"]), (label.ItemId, label.UserId, label.IntentId!.Value));
            Assert.True(label.Unclear);
            Assert.False(label.MultipleIntents);
            Assert.Equal("mentions two orders", label.Note);
            Assert.Equal(4200, label.DurationMs);
        }
    }

    [Fact]
    public async Task Submit_OutOfScope_StoresNoIntent()
    {
        var batch = await team.NewBatchAsync(2, [AnnotatorId]);
        var (client, first) = await OpenAsync(batch);
        using (client)
        {
            using var response = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{first}/label",
                new Dictionary<string, string> { ["outOfScope"] = "true", ["intentId"] = "", ["durationMs"] = "900" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var label = Assert.Single(await team.LabelsAsync(batch.Id));
            Assert.True(label.OutOfScope);
            Assert.Null(label.IntentId);
        }
    }

    [Fact]
    public async Task Submit_WithoutAnAnswer_Is422WithTheSameItemAndAMessage()
    {
        var batch = await team.NewBatchAsync(2, [AnnotatorId]);
        var (client, first) = await OpenAsync(batch);
        using (client)
        {
            using var response = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{first}/label", new Dictionary<string, string> { ["note"] = "kept" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var panel = await Fragments.ParseAsync(response);
            Assert.Equal(first, Fragments.ItemId(panel));
            Assert.Contains("Choose an intent or mark the question out-of-scope", panel.QuerySelector("[data-testid=label-error]")?.TextContent, StringComparison.Ordinal);
            Assert.Equal("kept", panel.QuerySelector("#label-note")?.GetAttribute("value"));
            Assert.Empty(await team.LabelsAsync(batch.Id));
        }
    }

    [Fact]
    public async Task Skip_WithoutReason_Is422WithAClearMessage_AndWithReasonMovesOn()
    {
        var batch = await team.NewBatchAsync(2, [AnnotatorId]);
        var (client, first) = await OpenAsync(batch);
        using (client)
        {
            using (var refused = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{first}/skip", new Dictionary<string, string> { ["reason"] = "   " }))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                var panel = await Fragments.ParseAsync(refused);
                Assert.Contains("a reason is required", panel.QuerySelector("[data-testid=label-error]")?.TextContent, StringComparison.Ordinal);
                Assert.Equal("true", panel.QuerySelector(".label-item")?.GetAttribute("data-skip-open"));
                Assert.Null(panel.QuerySelector("[data-skip-box]")?.GetAttribute("hidden"));
            }
            Assert.Equal(0, await team.WithDbAsync(db => db.Skips.CountAsync(s => s.ItemId == first)));

            using var skipped = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{first}/skip", new Dictionary<string, string> { ["reason"] = "Cannot read the language" });
            Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
            Assert.NotEqual(first, Fragments.ItemId(await Fragments.ParseAsync(skipped)));
            var skip = await team.WithDbAsync(db => db.Skips.SingleAsync(s => s.ItemId == first));
            Assert.Equal("Cannot read the language", skip.Reason);
        }
    }

    [Fact]
    public async Task Undo_TakesTheLastLabelBack_AndHandsTheItemBack()
    {
        var batch = await team.NewBatchAsync(3, [AnnotatorId]);
        var (client, first) = await OpenAsync(batch);
        using (client)
        {
            (await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{first}/label", Answer(team.Intents["payment_failed"]))).Dispose();
            Assert.Single(await team.LabelsAsync(batch.Id));

            using var undone = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/undo", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
            var panel = await Fragments.ParseAsync(undone);
            Assert.Equal(first, Fragments.ItemId(panel));
            Assert.Contains("taken back", panel.Body!.TextContent, StringComparison.Ordinal);
            Assert.Empty(await team.LabelsAsync(batch.Id));
        }
    }

    [Fact]
    public async Task QuestionText_IsHtmlEncoded_OnThePageAndInThePanel()
    {
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> 充值";
        var batch = await team.NewBatchAsync(2, [AnnotatorId], shape: (_, q) => q.Text = hostile + " " + Guid.NewGuid().ToString("N"));
        using var client = await team.SignInAsAsync(Roles.Annotator);
        using var pageResponse = await client.GetAsync($"/annotate/batches/{batch.Id}/label");
        var html = await pageResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);

        var page = await client.ReadPageAsync(await client.GetAsync($"/annotate/batches/{batch.Id}/label"));
        var first = Fragments.ItemId(page.Document)!.Value;
        Assert.StartsWith(hostile, page.Document.QuerySelector("[data-testid=question-text]")!.TextContent, StringComparison.Ordinal);
        using var next = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{first}/label", Answer(team.Intents["refund_request"]));
        var fragment = await next.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("&lt;script&gt;alert(", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_NeverTellsGoldItemsApart()
    {
        // Gold needs questions with a final label somewhere in the workspace.
        await team.AddQuestionsAsync(4, (_, q) => { q.FinalIntentId = team.Intents["payment_failed"]; q.FinalLabelSource = FinalLabelSources.Adjudicated; });
        var batch = await team.NewBatchAsync(4, [AnnotatorId], goldShare: 0.5);
        Assert.True(batch.Progress.GoldItems > 0);
        var (client, item) = await OpenAsync(batch);
        using (client)
        {
            var shapes = new HashSet<string>();
            for (long? current = item; current is not null;)
            {
                using var response = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{current}/label", Answer(team.Intents["refund_request"]));
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.DoesNotContain("gold", text, StringComparison.OrdinalIgnoreCase);
                var panel = await Fragments.ParseAsync(response);
                current = Fragments.ItemId(panel);
                if (current is not null) shapes.Add(Shape(panel.QuerySelector(".label-item")!));
            }
            Assert.Single(shapes); // every item panel has the same structure
            var items = await team.ItemsAsync(batch.Id);
            Assert.All(items, i => Assert.Equal(ItemStatus.Complete, i.Status));
        }

        static string Shape(AngleSharp.Dom.IElement element) => string.Join('|', element.QuerySelectorAll("*")
            .Select(e => e.LocalName + "[" + string.Join(',', e.Attributes.Select(a => a.Name).Where(n => n is not ("data-item-id" or "value" or "hx-post" or "action" or "data-suggestion-url" or "lang"))) + "]"));
    }

    [Fact]
    public async Task Suggestion_InABatchWithoutSuggestions_IsRefusedUntilTheLabelIsStored()
    {
        var predicted = team.Intents["coin_balance_wrong"];
        void Predict(int _, Question q) { q.PredictedIntentId = predicted; q.PredictedConfidence = 0.73; }
        var hidden = await team.NewBatchAsync(1, [AnnotatorId], shape: Predict);
        var shown = await team.NewBatchAsync(1, [AnnotatorId], shape: Predict, suggestions: true);
        using var client = await team.SignInAsAsync(Roles.Annotator);

        var hiddenPage = await client.GetPageAsync($"/annotate/batches/{hidden.Id}/label");
        var panel = hiddenPage.Document.QuerySelector("#item-panel")!;
        Assert.DoesNotContain("coin_balance_wrong", panel.InnerHtml, StringComparison.Ordinal);
        var url = panel.QuerySelector(".label-item")!.GetAttribute("data-suggestion-url");
        Assert.NotNull(url);
        // Asking by URL before answering gets nothing: the guess must not anchor the annotator's choice.
        using (var early = await client.GetAsync(url, "text/html"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
            Assert.DoesNotContain("coin_balance_wrong", await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        var item = Fragments.ItemId(hiddenPage.Document)!;
        using (var label = await client.HtmxPostAsync($"/annotate/batches/{hidden.Id}/items/{item}/label", Answer(team.Intents["refund_request"])))
            Assert.Equal(HttpStatusCode.OK, label.StatusCode);
        using var reveal = await client.GetAsync(url, "text/html");
        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        var revealed = await reveal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("coin_balance_wrong", revealed, StringComparison.Ordinal);
        Assert.Contains("73%", revealed, StringComparison.Ordinal);

        var shownPage = await client.GetPageAsync($"/annotate/batches/{shown.Id}/label");
        Assert.Contains("coin_balance_wrong", shownPage.Document.QuerySelector("#item-panel")!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(shownPage.Document.QuerySelector(".label-item")!.GetAttribute("data-suggestion-url"));

        // Someone else's item: nothing to see.
        var other = await team.NewBatchAsync(1, [team.SecondAnnotator.Id], shape: Predict);
        var otherItem = (await team.ItemsAsync(other.Id))[0].Id;
        using var refused = await client.GetAsync($"/annotate/batches/{other.Id}/items/{otherItem}/suggestion", "text/html");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task LastItem_ShowsTheBatchDoneState()
    {
        var batch = await team.NewBatchAsync(1, [AnnotatorId]);
        var (client, only) = await OpenAsync(batch);
        using (client)
        {
            using var response = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{only}/label", Answer(team.Intents["refund_request"]));
            var panel = await Fragments.ParseAsync(response);
            Assert.Null(Fragments.ItemId(panel));
            Assert.Contains("Batch done", panel.QuerySelector("[data-testid=batch-done]")?.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submit_ToAnotherAnnotatorsBatch_Is403_AndStoresNothing()
    {
        var batch = await team.NewBatchAsync(1, [team.SecondAnnotator.Id]);
        var item = (await team.ItemsAsync(batch.Id))[0].Id;
        using var client = await team.SignInAsAsync(Roles.Annotator);
        using var response = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{item}/label", Answer(team.Intents["refund_request"]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await team.LabelsAsync(batch.Id));
    }

    [Fact]
    public async Task Submit_WithoutAntiforgeryToken_Is400()
    {
        var batch = await team.NewBatchAsync(1, [AnnotatorId]);
        var (client, item) = await OpenAsync(batch);
        using (client)
        {
            using var response = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/items/{item}/label", Answer(team.Intents["refund_request"]), withToken: false);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var undo = await client.HtmxPostAsync($"/annotate/batches/{batch.Id}/undo", new Dictionary<string, string>(), withToken: false);
            Assert.Equal(HttpStatusCode.BadRequest, undo.StatusCode);
            Assert.Empty(await team.LabelsAsync(batch.Id));
        }
    }

    [Fact]
    public async Task GuidePanel_ShowsTheIntentsGuideSection_OrItsDescription()
    {
        using var client = await team.SignInAsAsync(Roles.Annotator);
        using var response = await client.GetAsync($"/annotate/guide/{team.Intents["recharge_not_credited"]}", "text/html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var guide = await Fragments.ParseAsync(response);
        Assert.Contains("coins are not in the balance", guide.QuerySelector(".guide-body")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("/annotate/guides/payments.md#recharge-not-credited", guide.QuerySelector(".guide-more")?.GetAttribute("href"));

        using var missing = await client.GetAsync($"/annotate/guide/{team.Intents["coin_balance_wrong"]}", "text/html");
        var fallback = await Fragments.ParseAsync(missing);
        Assert.Contains("The user says: coin balance wrong.", fallback.QuerySelector(".guide-body")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("was not found", fallback.QuerySelector(".guide-body")?.TextContent, StringComparison.Ordinal);

        using var oos = await client.GetAsync("/annotate/guide/oos", "text/html");
        Assert.Contains("Out of scope", (await Fragments.ParseAsync(oos)).QuerySelector(".guide-title")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuidePages_LinkToGuidesAnnotatorsMayOpen()
    {
        using var client = await team.SignInAsAsync(Roles.Annotator);
        var readme = await client.GetPageAsync("/annotate/guides/README.md");
        Assert.Equal(HttpStatusCode.OK, readme.Status);
        var links = readme.Document.QuerySelectorAll("article.guide-page a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/annotate/guides/payments.md", links);
        Assert.DoesNotContain(links, l => l.StartsWith("/taxonomy/", StringComparison.Ordinal));
        foreach (var link in links.Where(l => l.StartsWith("/annotate/guides/", StringComparison.Ordinal)).Take(3))
            Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync(link.Split('#')[0])).Status);

        var index = await client.GetPageAsync("/annotate/guides");
        Assert.Contains(index.Document.QuerySelectorAll("[data-guide]"), a => a.GetAttribute("data-guide") == "payments.md");
    }
}
