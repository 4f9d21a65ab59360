using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>Creating a batch through the form, pausing it, and downloading the labeled dataset.</summary>
public sealed class ExportAndBatchTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    [Fact]
    public async Task PausedBatch_ShowsPauseOrResume_AndTheLabelPageSaysNoWorkIsHandedOut()
    {
        var batch = await team.NewBatchAsync(2);
        using var reviewer = await team.SignInAsAsync(Roles.Reviewer);
        var open = await reviewer.GetPageAsync($"/annotate/batches/{batch.Id}");
        Assert.NotNull(open.Document.QuerySelector("[data-testid=pause]"));
        Assert.NotNull(open.Document.QuerySelector("[data-testid=agreement-card]"));
        Assert.NotNull(open.Document.QuerySelector("[data-testid=annotator-table]"));
        await team.WithServiceAsync<BatchService, bool>(async s => { await s.SetStatusAsync(batch.Id, BatchStatus.Paused); return true; });
        var paused = await reviewer.GetPageAsync($"/annotate/batches/{batch.Id}");
        Assert.NotNull(paused.Document.QuerySelector("[data-testid=resume]"));
        Assert.Null(paused.Document.QuerySelector("[data-testid=pause]"));

        using var annotator = await team.SignInAsAsync(Roles.Annotator);
        var label = await annotator.GetPageAsync($"/annotate/batches/{batch.Id}/label");
        Assert.Contains("No work handed out right now", label.Document.QuerySelector("[data-testid=batch-done]")?.TextContent, StringComparison.Ordinal);
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
    public async Task QualityPage_ReportsAgreement_WithChartsDescribedInWords()
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
        Assert.Contains("3 agreed", page.Document.QuerySelector("[data-testid=chart-progress]")?.GetAttribute("aria-label") ?? "", StringComparison.Ordinal);
        Assert.Contains("Refund request", page.Document.QuerySelector("[data-testid=chart-agreement]")?.GetAttribute("aria-label") ?? "", StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=chart-confusion]"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=chart-annotators]"));

        // A Chinese page names the intents in Chinese in the charts' descriptions: an aria-label cannot mark English with its lang.
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var zh = await client.GetPageAsync($"/annotate/batches/{batch.Id}/quality");
        var agreement = zh.Document.QuerySelector("[data-testid=chart-agreement]")?.GetAttribute("aria-label") ?? "";
        Assert.Contains("申请退款", agreement, StringComparison.Ordinal);
        Assert.DoesNotContain("Refund request", agreement, StringComparison.Ordinal);
        Assert.Contains("支付失败 / 申请退款", zh.Document.QuerySelector("[data-testid=chart-confusion]")?.GetAttribute("aria-label") ?? "", StringComparison.Ordinal);
    }
}
