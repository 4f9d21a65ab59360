using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests;

/// <summary>An evaluated LLM classifier is shown like an offline version, plus what it cost.</summary>
public sealed class LlmVersionPageTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task LlmVersion_ShowsUsageAndCost_AndCannotBePromotedWithoutAnEndpoint()
    {
        var report = EvaluationCalculator.Evaluate(["a", "b", "oos"],
            [new ClassifierOutput("a", "a", 0.9f), new ClassifierOutput("a", "a", 0.6f), ClassifierOutput.Failure("oos")], "oos", 0) with
        {
            Usage = new LlmUsage(3, 1_200, 90, 0.0031m, 850, 1_400),
        };
        var id = await team.WithDbAsync(async db =>
        {
            var version = new ModelVersion
            {
                Kind = ModelKind.Llm,
                Name = "gpt-check",
                DataHash = new string('a', 64),
                Labels = ["a", "b", "oos"],
                Settings = new ModelSettings { TrainedBy = "Rex", Llm = new LlmSettings("OpenAI", "https://llm.example", "gpt-x", "classify", "abc123def456", 400, "USD") }.ToJson(),
                Metrics = EvaluationJson.Write(report),
            };
            db.ModelVersions.Add(version);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return version.Id;
        });

        using var client = await team.SignInAsAsync(Roles.Admin);
        var page = await client.GetPageAsync($"/classifier/versions/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var usage = page.Document.QuerySelector("[data-testid=usage]")!;
        Assert.Contains("1,200 / 90", usage.TextContent, StringComparison.Ordinal);
        Assert.Contains("0.0031 USD", usage.TextContent, StringComparison.Ordinal);
        Assert.Contains("gpt-x at https://llm.example", usage.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("[data-testid=cross-validation]"));
        Assert.Null(page.Document.QuerySelector("[data-testid=promote]"));

        var list = await client.GetPageAsync("/classifier");
        Assert.Contains("LLM", list.Document.QuerySelector($"tr[data-version='{id}'] .kind-badge")!.TextContent, StringComparison.Ordinal);
        Assert.Null(list.Document.QuerySelector($"tr[data-version='{id}'] [data-testid=promote]"));
        using var refused = await client.HtmxPostAsync($"/classifier/versions/{id}/promote", new Dictionary<string, string> { ["returnTo"] = "version" });
        Assert.Equal($"/classifier/versions/{id}?notice=cannot-serve&v={id}", refused.Headers.GetValues("HX-Redirect").Single());

        // Compared with an offline version, the tokens and cost stand beside the same metrics.
        var offlineId = await team.WithDbAsync(async db =>
        {
            var offline = new ModelVersion
            {
                Kind = ModelKind.Offline,
                Name = "offline-check",
                DataHash = new string('a', 64),
                Labels = ["a", "b", "oos"],
                Settings = new ModelSettings { TrainedBy = "Cora" }.ToJson(),
                Metrics = EvaluationJson.Write(EvaluationCalculator.Evaluate(["a", "b", "oos"],
                    [new ClassifierOutput("a", "a", 0.9f), new ClassifierOutput("b", "b", 0.8f), new ClassifierOutput("oos", "a", 0.2f)], "oos", 0.3)),
            };
            db.ModelVersions.Add(offline);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return offline.Id;
        });
        var compare = await client.GetPageAsync($"/classifier/compare?a={offlineId}&b={id}");
        Assert.Equal(HttpStatusCode.OK, compare.Status);
        var headline = compare.Document.QuerySelector("[data-testid=headline]")!;
        Assert.NotNull(headline.QuerySelector("tr[data-metric=accuracy]"));
        var tokens = headline.QuerySelector("tr[data-metric=tokens]")!.TextContent;
        Assert.Contains("— (offline)", tokens, StringComparison.Ordinal);
        Assert.Contains("1,200 / 90", tokens, StringComparison.Ordinal);
        Assert.Contains("0.0031 USD", headline.QuerySelector("tr[data-metric=cost]")!.TextContent, StringComparison.Ordinal);
        var failures = headline.QuerySelectorAll("tr[data-metric=failures] td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["—", "1"], failures[..2]);
    }
}
