using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Annotation.Guides;
using PuoAiOps.Web.Components.Annotation;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>
/// The labeling page as first rendered (the circuit takes over from there; the keyboard walk is the
/// browser test). Submitting, skipping and undoing are QueueService's rules, tested in Application.
/// </summary>
public sealed partial class LabelPageTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    [GeneratedRegex(@"<!--Blazor.*?-->|<input[^>]*name=""__RequestVerificationToken""[^>]*>|\bnonce=""[^""]*""", RegexOptions.Singleline)]
    private static partial Regex RandomTokens();

    private string AnnotatorId => team.Users[Roles.Annotator].Id;

    private async Task<(ConsoleClient Client, long ItemId)> OpenAsync(BatchSummary batch)
    {
        var client = await team.SignInAsAsync(Roles.Annotator);
        var page = await client.GetPageAsync($"/annotate/batches/{batch.Id}/label");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (client, Fragments.ItemId(page.Document) ?? throw new InvalidOperationException("no item on the page"));
    }

    [Fact]
    public async Task QuestionText_IsHtmlEncoded_OnThePage()
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
        Assert.StartsWith(hostile, page.Document.QuerySelector("[data-testid=question-text]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NeverTellsGoldItemsApart()
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
                using var response = await client.GetAsync($"/annotate/batches/{batch.Id}/label");
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.DoesNotContain("gold", WithoutRandomTokens(text), StringComparison.OrdinalIgnoreCase);
                var page = await Fragments.ParseAsync(response);
                Assert.Equal(current, Fragments.ItemId(page));
                shapes.Add(Shape(page.QuerySelector(".label-item")!));
                current = (await team.WithServiceAsync<QueueService, SubmitAndNextResult>(q =>
                    q.SubmitAndNextAsync(current.Value, AnnotatorId, LabelInput.ForIntent(team.Intents["refund_request"])))).Next?.ItemId;
            }
            Assert.Single(shapes); // every item is shown with the same structure
            Assert.All(await team.ItemsAsync(batch.Id), i => Assert.Equal(ItemStatus.Complete, i.Status));
        }

        // Random tokens in the markup (the protected component descriptors and state in Blazor's prerender comments, about
        // 2,700 base64 characters a page, and an antiforgery token or CSP nonce should the page get one) spell "gold" in
        // some mix of cases by chance: over the eight pages read here, about one run in fifty. The page's own text and
        // markup are checked without them.
        static string WithoutRandomTokens(string html) => RandomTokens().Replace(html, "");

        static string Shape(AngleSharp.Dom.IElement element) => string.Join('|', element.QuerySelectorAll("*")
            .Where(e => e.Closest("[data-testid=question-context]") is null)
            .Select(e => e.LocalName + "[" + string.Join(',', e.Attributes.Select(a => a.Name).Where(n => n is not ("data-item-id" or "value" or "lang" or "id" or "for" or "aria-describedby") && !n.StartsWith("_bl_", StringComparison.Ordinal))) + "]"));
    }

    [Fact]
    public async Task LastItem_ShowsTheBatchDoneState()
    {
        var batch = await team.NewBatchAsync(1, [AnnotatorId]);
        var (client, only) = await OpenAsync(batch);
        using (client)
        {
            await team.WithServiceAsync<QueueService, SubmitAndNextResult>(q => q.SubmitAndNextAsync(only, AnnotatorId, LabelInput.ForIntent(team.Intents["refund_request"])));
            var page = await client.GetPageAsync($"/annotate/batches/{batch.Id}/label");
            Assert.Null(Fragments.ItemId(page.Document));
            Assert.Contains("Batch done", page.Document.QuerySelector("[data-testid=batch-done]")?.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GuideLoader_ShowsTheIntentsGuideSection_OrItsDescription_OrTheOutOfScopeRules()
    {
        var shown = new List<GuideState>();
        var ready = new SemaphoreSlim(0);
        using var loader = new GuideLoader(team.Services.GetRequiredService<IServiceScopeFactory>(), team.Services.GetRequiredService<AnnotationGuides>(),
            state => { shown.Add(state); ready.Release(); return Task.CompletedTask; });

        loader.Show(team.Intents["recharge_not_credited"], immediate: true);
        await ready.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal("/annotate/guides/payments.md#recharge-not-credited", shown[^1].Section?.Href);
        Assert.Contains("coins are not in the balance", shown[^1].Section!.Html, StringComparison.Ordinal);

        loader.Show(team.Intents["coin_balance_wrong"], immediate: true);
        await ready.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Null(shown[^1].Section); // its GuideRef points at a missing section: the taxonomy's description instead
        Assert.Contains("coin balance wrong", shown[^1].Intent?.Description, StringComparison.Ordinal);

        loader.Show(null, immediate: true);
        await ready.WaitAsync(TestContext.Current.CancellationToken);
        Assert.True(shown[^1].OutOfScope);
        Assert.Contains("Out of scope", shown[^1].Section?.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GuidePages_LinkToGuidesAnnotatorsMayOpen()
    {
        using var client = await team.SignInAsAsync(Roles.Annotator);
        var readme = await client.GetPageAsync("/annotate/guides/README.md");
        Assert.Equal(HttpStatusCode.OK, readme.Status);
        var links = readme.Document.QuerySelectorAll(".guide-page a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/annotate/guides/payments.md", links);
        Assert.DoesNotContain(links, l => l.StartsWith("/taxonomy/", StringComparison.Ordinal));
        foreach (var link in links.Where(l => l.StartsWith("/annotate/guides/", StringComparison.Ordinal)).Take(3))
            Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync(link.Split('#')[0])).Status);

        var index = await client.GetPageAsync("/annotate/guides");
        Assert.Contains(index.Document.QuerySelectorAll("[data-guide]"), a => a.GetAttribute("data-guide") == "payments.md");
    }
}
