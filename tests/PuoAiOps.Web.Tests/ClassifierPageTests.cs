using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests;

/// <summary>The Classifier pages with two trained versions: who sees what, who may promote, and the evaluation views.</summary>
public sealed class ClassifierPageTests(ClassifierFixture console) : IClassFixture<ClassifierFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.Curator, false)]
    [InlineData(Roles.Reviewer, true)]
    [InlineData(Roles.Admin, true)]
    public async Task ClassifierPage_ListsVersions_AndOffersPromotionOnlyToReviewersAndAdmins(string role, bool canPromote)
    {
        using var client = await console.SignInAsAsync(role);
        var page = await client.GetPageAsync("/classifier");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.HasShell);
        // Other tests of this class may have trained or promoted meanwhile: compare with the database.
        var versions = await console.WithDbAsync(db => db.ModelVersions.OrderByDescending(m => m.Id).Select(m => new { m.Id, m.IsServing }).ToListAsync(Ct));
        var rows = page.Document.QuerySelectorAll("[data-testid=versions] tbody tr");
        Assert.Equal(versions.Select(v => v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("data-version")));
        var serving = Assert.Single(rows, r => r.QuerySelector("[data-testid=serving-badge]") is not null);
        Assert.Equal(versions.Single(v => v.IsServing).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), serving.GetAttribute("data-version"));
        Assert.Contains("Accuracy", page.Document.QuerySelector("[data-testid=serving]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=train-button]:not([disabled])"));
        Assert.Contains("No LLM endpoint configured", page.Document.QuerySelector("[data-testid=llm]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(canPromote ? versions.Count - 1 : 0, page.Document.QuerySelectorAll("[data-testid=promote]").Length);
        Assert.Equal(8, page.Document.QuerySelectorAll("[data-testid=versions] thead th").Length);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Annotator)]
    public async Task OtherRoles_Get403_OnEveryClassifierPageAndAction(string role)
    {
        using var client = await console.SignInAsAsync(role);
        foreach (var path in new[] { "/classifier", $"/classifier/versions/{console.Candidate.Id}", $"/classifier/compare?a={console.Baseline.Id}&b={console.Candidate.Id}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(path)).Status);
        using (var chart = await client.GetAsync($"/classifier/versions/{console.Candidate.Id}/charts/confusion", "application/json"))
            Assert.Equal(HttpStatusCode.Forbidden, chart.StatusCode);
        using (var api = await client.GetAsync("/api/v1/classifier/versions", "application/json"))
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        foreach (var action in new[] { "/classifier/train", "/classifier/batch", $"/classifier/versions/{console.Candidate.Id}/promote", "/classifier/rollback" })
        {
            using var response = await client.HtmxPostAsync(action, new Dictionary<string, string>());
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} POST {action}: {response.StatusCode}");
        }
        Assert.Equal(console.Baseline.Id, await console.ServingIdAsync());
    }

    [Fact]
    public async Task Promotion_NeedsReviewOrAdmin_ThenRollbackReturnsInOneClick()
    {
        using var curator = await console.SignInAsAsync(Roles.Curator);
        using (var refused = await curator.HtmxPostAsync($"/classifier/versions/{console.Candidate.Id}/promote", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(console.Baseline.Id, await console.ServingIdAsync());

        using var reviewer = await console.SignInAsAsync(Roles.Reviewer);
        var list = await reviewer.GetPageAsync("/classifier");
        using (var promoted = await reviewer.SubmitAsync(list, $"form[action='/classifier/versions/{console.Candidate.Id}/promote']", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
            Assert.Equal($"/classifier?notice=promoted&v={console.Candidate.Id}", promoted.Headers.Location?.OriginalString);
        }
        Assert.Equal(console.Candidate.Id, await console.ServingIdAsync());

        var after = await reviewer.GetPageAsync($"/classifier?notice=promoted&v={console.Candidate.Id}");
        Assert.Contains($"Version #{console.Candidate.Id} now serves", after.Document.QuerySelector("[data-testid=notice]")!.TextContent, StringComparison.Ordinal);
        var rollback = after.Document.QuerySelector("[data-testid=rollback]");
        Assert.NotNull(rollback);
        Assert.Contains("small", rollback.TextContent, StringComparison.Ordinal);

        using (var rolledBack = await reviewer.HtmxPostAsync("/classifier/rollback", new Dictionary<string, string> { ["returnTo"] = "list" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, rolledBack.StatusCode);
            Assert.Equal($"/classifier?notice=rolled-back&v={console.Baseline.Id}", rolledBack.Headers.GetValues("HX-Redirect").Single());
        }
        Assert.Equal(console.Baseline.Id, await console.ServingIdAsync());
        var actions = await console.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == ModelAudit.Entity).Select(a => a.Action).ToListAsync(Ct));
        Assert.Contains(ModelAudit.RolledBack, actions);

        using var noToken = await reviewer.PostFormAsync("/classifier/rollback", new Dictionary<string, string> { ["returnTo"] = "list" });
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task VersionPage_ShowsTheEvaluation_WithSortablePerIntentTableAndCharts()
    {
        using var client = await console.SignInAsAsync(Roles.Curator);
        var page = await client.GetPageAsync($"/classifier/versions/{console.Candidate.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var metrics = page.Document.QuerySelector("[data-testid=metrics]")!;
        foreach (var key in new[] { "accuracy", "macro-f1", "oos-recall", "oos-precision", "coverage" })
            Assert.Matches(@"\d+\.\d %", metrics.QuerySelector($"[data-stat={key}] .stat-value")!.TextContent);
        Assert.Equal(5, page.Document.QuerySelectorAll("[data-testid=per-intent] tbody tr").Length);
        Assert.Equal(3, page.Document.QuerySelectorAll("[data-chart-src]").Length);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=cross-validate]"));
        Assert.Null(page.Document.QuerySelector("[data-testid=promote]")); // curators do not promote

        var bySupport = await client.GetPageAsync($"/classifier/versions/{console.Candidate.Id}?sort=support&dir=desc");
        var supports = bySupport.Document.QuerySelectorAll("[data-testid=per-intent] tbody tr td:nth-child(5)").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(supports.OrderByDescending(s => s), supports);
        Assert.Equal("descending", bySupport.Document.QuerySelector("th[aria-sort=descending]") is { } th ? th.GetAttribute("aria-sort") : null);

        var missing = await client.GetPageAsync("/classifier/versions/9999");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("There is no version #9999", missing.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("confusion", "heatmap")]
    [InlineData("histogram", "bar")]
    [InlineData("coverage", "line")]
    public async Task ChartEndpoints_ReturnEChartsOptions(string chart, string seriesType)
    {
        using var client = await console.SignInAsAsync(Roles.Reviewer);
        using var response = await client.GetAsync($"/classifier/versions/{console.Candidate.Id}/charts/{chart}", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var series = json.RootElement.GetProperty("series");
        Assert.All(series.EnumerateArray(), s => Assert.Equal(seriesType, s.GetProperty("type").GetString()));
        if (chart == "confusion")
        {
            Assert.Equal(5, json.RootElement.GetProperty("yAxis").GetProperty("data").GetArrayLength());
            Assert.Equal("{b}", json.RootElement.GetProperty("tooltip").GetProperty("formatter").GetString());
        }
        if (chart == "coverage")
        {
            // The tuned threshold is marked when there is one (a model may reject by its out-of-scope class alone).
            var report = (await console.WithServiceAsync<ModelRegistry, ModelVersionDetail?>(r => r.GetAsync(console.Candidate.Id, Ct)))!.Report;
            Assert.Equal(report.Threshold > 0, series[0].TryGetProperty("markLine", out _));
            Assert.Equal(report.Curve.Count, series[0].GetProperty("data").GetArrayLength());
        }
        using var unknown = await client.GetAsync($"/classifier/versions/{console.Candidate.Id}/charts/pie", "application/json");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ComparePage_ShowsPerIntentDeltasColourCoded()
    {
        using var client = await console.SignInAsAsync(Roles.Curator);
        var page = await client.GetPageAsync($"/classifier/compare?a={console.Baseline.Id}&b={console.Candidate.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("[data-testid=different-data]"));
        var accuracy = page.Document.QuerySelector("[data-testid=headline] tr[data-metric=accuracy] .delta")!;
        Assert.Matches(@"^[+−]\d+\.\d pt$", accuracy.TextContent);
        var rows = page.Document.QuerySelectorAll("[data-testid=deltas] tbody tr");
        Assert.Equal(5, rows.Length);
        Assert.All(rows, r => Assert.Matches("^delta-(up|down|flat)$", r.GetAttribute("data-delta")));
        Assert.Contains(rows, r => r.GetAttribute("data-delta") == "delta-up");
        using var chart = await client.GetAsync($"/classifier/compare/chart?a={console.Baseline.Id}&b={console.Candidate.Id}", "application/json");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
    }

    [Fact]
    public async Task TrainButton_QueuesABackgroundJob_WhosePanelPollsUntilTheVersionIsStored()
    {
        using var client = await console.SignInAsAsync(Roles.Curator);
        await client.GetPageAsync("/classifier");
        var before = await console.WithDbAsync(db => db.ModelVersions.CountAsync(Ct));
        using var response = await client.HtmxPostAsync("/classifier/train", new Dictionary<string, string> { ["name"] = "from-the-page", ["c"] = "0.7" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var panel = await client.ReadPageAsync(response);
        var jobs = panel.Document.QuerySelector("#classifier-jobs")!;
        Assert.Contains("Queued: Train offline model", jobs.TextContent, StringComparison.Ordinal);

        await Poll.UntilAsync(async () => await console.WithDbAsync(db => db.ModelVersions.CountAsync(Ct)) > before,
            TimeSpan.FromSeconds(90), "the training job to store a model version", Ct);
        var stored = await console.WithDbAsync(db => db.ModelVersions.OrderByDescending(m => m.Id).FirstAsync(Ct));
        Assert.Equal("from-the-page", stored.Name);
        Assert.Equal(console.Users[Roles.Curator].Id, stored.TrainedById);

        // The panel stops polling and reloads the page once nothing runs any more.
        await WaitForJobsAsync();
        using var poll = await client.GetAsync("/classifier/jobs?watch=true");
        Assert.True(poll.Headers.Contains("HX-Refresh") == false, "plain GET without HX-Request gets no refresh header");
        using var htmxPoll = new HttpRequestMessage(HttpMethod.Get, "/classifier/jobs?watch=true");
        htmxPoll.Headers.Add("HX-Request", "true");
        using var refreshed = await client.Http.SendAsync(htmxPoll, Ct);
        Assert.Equal("true", refreshed.Headers.GetValues("HX-Refresh").Single());

        using var invalid = await client.HtmxPostAsync("/classifier/train", new Dictionary<string, string> { ["c"] = "lots" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("C must be a number", (await client.ReadPageAsync(invalid)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryClassifierAction_WithoutAntiforgeryToken_Gets400_AndChangesNothing()
    {
        using var admin = await console.SignInAsAsync(Roles.Admin);
        await admin.GetPageAsync("/classifier");
        var jobs = await console.WithDbAsync(db => db.Jobs.CountAsync(Ct));
        var serving = await console.ServingIdAsync();
        var id = console.Candidate.Id;
        foreach (var action in new[] { "/classifier/train", "/classifier/batch", "/classifier/evaluate-llm", $"/classifier/versions/{id}/cross-validate", $"/classifier/versions/{id}/promote", "/classifier/rollback" })
        {
            using var response = await admin.HtmxPostAsync(action, new Dictionary<string, string> { ["name"] = "x", ["returnTo"] = "list" }, withToken: false);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {action} without token: {response.StatusCode}");
        }
        Assert.Equal(jobs, await console.WithDbAsync(db => db.Jobs.CountAsync(Ct)));
        Assert.Equal(serving, await console.ServingIdAsync());
    }

    [Fact]
    public async Task Api_ListsVersionsAndTheServingOne()
    {
        using var client = await console.SignInAsAsync(Roles.Reviewer);
        using var response = await client.GetAsync("/api/v1/classifier/serving", "application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(json.RootElement.GetProperty("servingVersionId").ValueKind == JsonValueKind.Number);
        using var versions = await client.GetAsync("/api/v1/classifier/versions", "application/json");
        Assert.True(JsonDocument.Parse(await versions.Content.ReadAsStringAsync(Ct)).RootElement.GetArrayLength() >= 2);
    }

    private Task WaitForJobsAsync() =>
        Poll.UntilAsync(async () => !await console.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running, Ct)),
            TimeSpan.FromSeconds(60), "every queued or running job to finish", Ct);
}
