using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>Creating a batch through the form, pausing it, and downloading the labeled dataset.</summary>
public sealed class ExportAndBatchTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    /// <summary>Posts the new-batch form with its hidden fields, the given fields and every annotator id (repeated field).</summary>
    private static async Task<HttpResponseMessage> PostBatchFormAsync(ConsoleClient client, Page form, IDictionary<string, string> fields, params string[] annotators)
    {
        var values = form.Document.QuerySelectorAll("main form input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields)
            .Concat(annotators.Select(a => new KeyValuePair<string, string>("annotators", a)))
            .ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/annotate/batches/new") { Content = new FormUrlEncodedContent(values) };
        request.Headers.Accept.ParseAdd("text/html");
        return await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NewBatchForm_ShowsErrorsBesideTheirFields_ThenCreatesTheBatch()
    {
        var source = await team.AddQuestionsAsync(6);
        using var client = await team.SignInAsAsync(Roles.Curator);
        var form = await client.GetPageAsync("/annotate/batches/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(2, form.Document.QuerySelectorAll("input[name=annotators]").Length); // both annotators, no one else
        Assert.Contains(form.Document.QuerySelectorAll("#batch-source option"), o => o.GetAttribute("value") == source);

        using (var refused = await PostBatchFormAsync(client, form, new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.LabelsPerItem"] = "2", ["Input.GoldPercent"] = "80", ["Input.Order"] = "Random", ["Input.Seed"] = "1",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await client.ReadPageAsync(refused);
            var messages = page.Document.QuerySelectorAll(".invalid-feedback, .validation-message").Select(m => m.TextContent).ToList();
            Assert.Contains("Give the batch a name.", messages);
            Assert.Contains("The gold share is a percentage from 0 to 50.", messages);
            Assert.Contains("Choose at least one annotator.", messages);
        }

        using (var tooFew = await PostBatchFormAsync(client, form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Too few", ["Input.LabelsPerItem"] = "2", ["Input.GoldPercent"] = "0", ["Input.Order"] = "Random", ["Input.Seed"] = "1",
        }, team.Users[Roles.Annotator].Id))
        {
            var page = await client.ReadPageAsync(tooFew);
            Assert.Contains(page.Document.QuerySelectorAll(".invalid-feedback, .validation-message"), m => m.TextContent.Contains("only 1 annotator is chosen", StringComparison.Ordinal));
            Assert.Equal("Too few", page.Document.QuerySelector("#batch-name")?.GetAttribute("value"));
        }

        using var created = await PostBatchFormAsync(client, form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Six questions", ["Input.Source"] = source, ["Input.LabelsPerItem"] = "2", ["Input.GoldPercent"] = "0",
            ["Input.Order"] = "MostUncertainFirst", ["Input.Seed"] = "7", ["Input.SampleSize"] = "4",
        }, team.Users[Roles.Annotator].Id, team.SecondAnnotator.Id);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = new Uri(new Uri("http://localhost"), created.Headers.Location!).PathAndQuery;
        Assert.Matches(@"^/annotate/batches/\d+\?created=true$", location);

        var batchPage = await client.GetPageAsync(location);
        Assert.Equal(HttpStatusCode.OK, batchPage.Status);
        Assert.Contains("Batch created with 4 items", batchPage.Text, StringComparison.Ordinal);
        Assert.NotNull(batchPage.Document.QuerySelector("[data-testid=annotator-table]"));
        Assert.NotNull(batchPage.Document.QuerySelector("[data-testid=agreement-card]"));
        var batch = await team.WithDbAsync(db => db.Batches.AsNoTracking().Include(b => b.Annotators).SingleAsync(b => b.Name == "Six questions"));
        Assert.Equal((2, BatchOrder.MostUncertainFirst, team.Users[Roles.Curator].Id), (batch.Annotators.Count, batch.Order, batch.CreatedById));
    }

    [Fact]
    public async Task PauseButton_PausesTheBatch_AndTheLabelPageSaysSo()
    {
        var batch = await team.NewBatchAsync(2);
        using var reviewer = await team.SignInAsAsync(Roles.Reviewer);
        var page = await reviewer.GetPageAsync($"/annotate/batches/{batch.Id}");
        using var paused = await reviewer.SubmitAsync(page, $"form[action='/annotate/batches/{batch.Id}/status']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        Assert.Equal(BatchStatus.Paused, await team.WithDbAsync(db => db.Batches.Where(b => b.Id == batch.Id).Select(b => b.Status).SingleAsync()));

        using var annotator = await team.SignInAsAsync(Roles.Annotator);
        var label = await annotator.GetPageAsync($"/annotate/batches/{batch.Id}/label");
        Assert.Contains("This batch is paused.", label.Document.QuerySelector("[data-testid=batch-done]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_DownloadsFinalLabels_AsCsvAndJsonLines()
    {
        var batch = await team.NewBatchAsync(3, [team.Users[Roles.Annotator].Id], shape: (i, q) => q.Text = i == 1 ? "charged, \"twice\"\nplease refund" : q.Text);
        for (var i = 0; i < 3; i++)
            await team.LabelNextAsync(batch.Id, team.Users[Roles.Annotator].Id, LabelInput.ForIntent(team.Intents["refund_request"]));
        var finals = await team.WithDbAsync(db => db.Questions.CountAsync(q => q.FinalLabelSource == FinalLabelSources.Consensus || q.FinalLabelSource == FinalLabelSources.Adjudicated));

        using var client = await team.SignInAsAsync(Roles.Reviewer);
        using var csv = await client.GetAsync("/annotate/export?format=csv&testShare=0.2&seed=3", "text/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("text,label,split", text, StringComparison.Ordinal);
        Assert.Contains("\"charged, \"\"twice\"\"\nplease refund\",refund_request,", text, StringComparison.Ordinal);

        using var jsonl = await client.GetAsync("/annotate/export?format=jsonl", "application/x-ndjson");
        var lines = (await jsonl.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(finals, lines.Length);
        var rows = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(rows, r => Assert.True(r.GetProperty("split").GetString() is "train" or "test"));
        Assert.Contains(rows, r => r.GetProperty("text").GetString() == "charged, \"twice\"\nplease refund");

        using var bad = await client.GetAsync("/annotate/export?format=xml", "text/html");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using var annotator = await team.SignInAsAsync(Roles.Annotator);
        using var forbidden = await annotator.GetAsync("/annotate/export?format=csv", "text/csv");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Export_NeutralisesFormulaCells_InTheConsoleAndApiDownloads_UnlessCsvRaw()
    {
        const string formula = "=HYPERLINK(\"http://evil.example\",\"refund\")";
        var batch = await team.NewBatchAsync(1, [team.Users[Roles.Annotator].Id], shape: (_, q) => q.Text = formula);
        await team.LabelNextAsync(batch.Id, team.Users[Roles.Annotator].Id, LabelInput.ForIntent(team.Intents["refund_request"]));
        using var client = await team.SignInAsAsync(Roles.Reviewer);

        foreach (var path in new[] { "/annotate/export", "/api/v1/annotation/export" })
        {
            using var safe = await client.GetAsync($"{path}?format=csv", "text/csv");
            var safeText = await safe.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"refund\"\")\",refund_request,", safeText, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\"=HYPERLINK", safeText, StringComparison.Ordinal);

            using var raw = await client.GetAsync($"{path}?format=csv-raw", "text/csv");
            Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
            Assert.Contains("raw-not-for-spreadsheets", raw.Content.Headers.ContentDisposition?.FileNameStar ?? raw.Content.Headers.ContentDisposition?.FileName,
                StringComparison.Ordinal);
            var rawText = await raw.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("\n\"=HYPERLINK(\"\"http://evil.example\"\",\"\"refund\"\")\",refund_request,", rawText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task QualityPage_AndCharts_ReportAgreement()
    {
        var batch = await team.NewBatchAsync(4, labelsPerItem: 2);
        var (a, b) = (team.Users[Roles.Annotator].Id, team.SecondAnnotator.Id);
        for (var i = 0; i < 4; i++)
        {
            await team.LabelNextAsync(batch.Id, a, LabelInput.ForIntent(team.Intents["refund_request"], 3000));
            await team.LabelNextAsync(batch.Id, b, LabelInput.ForIntent(team.Intents[i == 0 ? "payment_failed" : "refund_request"], 3000));
        }
        using var client = await team.SignInAsAsync(Roles.Reviewer);
        var page = await client.GetPageAsync($"/annotate/batches/{batch.Id}/quality");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("75.0%", page.Document.QuerySelector("[data-testid=agreement-card]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("[data-testid=intent-table] td"), td => td.TextContent.Contains("refund_request", StringComparison.Ordinal));
        var charts = page.Document.QuerySelectorAll("[data-chart-src]").Select(c => c.GetAttribute("data-chart-src")!).ToList();
        Assert.Equal(2, charts.Count);
        foreach (var chart in charts)
        {
            using var response = await client.GetAsync(chart, "application/json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var option = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.True(option.RootElement.GetProperty("series").GetArrayLength() > 0);
        }
    }
}
