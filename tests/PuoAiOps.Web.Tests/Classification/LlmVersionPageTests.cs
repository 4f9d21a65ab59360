using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Web.Components.Classification;
using Bunit;

namespace PuoAiOps.Web.Tests.Classification;

/// <summary>An evaluated LLM classifier is shown like an offline version, plus what it cost; without an endpoint nobody is offered to promote it.</summary>
public sealed class LlmVersionPageTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task LlmVersion_ShowsUsageAndCost_AndOffersNoPromotionWithoutAnEndpoint()
    {
        var report = EvaluationCalculator.Evaluate(["a", "b", "oos"],
            [new ClassifierOutput("a", "a", 0.9f), new ClassifierOutput("a", "a", 0.6f), ClassifierOutput.Failure("oos")], "oos", 0) with
        {
            Usage = new LlmUsage(3, 1_200, 90, 0.0031m, 850, 1_400),
        };
        var id = await AddAsync(ModelKind.Llm, "gpt-check", new ModelSettings { TrainedBy = "Rex", Llm = new LlmSettings("OpenAI", "https://llm.example", "gpt-x", "classify", "abc123def456", 400, "USD") }, report);

        using var client = await team.SignInAsAsync(Roles.Admin);
        var page = await client.GetPageAsync($"/classifier/versions/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var usage = page.Document.QuerySelector("[data-testid=usage]")!;
        Assert.Contains("1,200 / 90", usage.TextContent, StringComparison.Ordinal);
        Assert.Contains("0.0031 USD", usage.TextContent, StringComparison.Ordinal);
        Assert.Contains("gpt-x at https://llm.example", usage.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("[data-testid=cross-validation]"));
        Assert.Null(page.Document.QuerySelector("[data-testid=promote]"));

        // Compared with an offline version, the tokens and cost stand beside the same metrics.
        var offlineId = await AddAsync(ModelKind.Offline, "offline-check", new ModelSettings { TrainedBy = "Cora" },
            EvaluationCalculator.Evaluate(["a", "b", "oos"], [new ClassifierOutput("a", "a", 0.9f), new ClassifierOutput("b", "b", 0.8f), new ClassifierOutput("oos", "a", 0.2f)], "oos", 0.3));
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

        // In the versions grid (bUnit, over the circuit) a reviewer may promote the offline version but not the LLM one.
        await using var components = ClassifierComponentContext.Create(team);
        var versions = await team.WithServiceAsync<ModelRegistry, IReadOnlyList<ModelVersionSummary>>(r => r.ListAsync());
        var grid = components.Render<VersionsGrid>(p => p.Add(c => c.Versions, versions).Add(c => c.CanPromote, true).Add(c => c.AiConfigured, false));
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("[data-version]").Count));
        Assert.Contains("LLM", grid.Find($"[data-version='{id}'] .kind-badge").TextContent, StringComparison.Ordinal);
        var promote = Assert.Single(grid.FindAll("[data-testid=promote]"));
        Assert.Contains("offline-check", promote.Closest("tr")!.TextContent, StringComparison.Ordinal);
    }

    private Task<long> AddAsync(ModelKind kind, string name, ModelSettings settings, EvaluationReport report) => team.WithDbAsync(async db =>
    {
        var version = new ModelVersion
        {
            Kind = kind,
            Name = name,
            DataHash = new string('a', 64),
            Labels = ["a", "b", "oos"],
            Settings = settings.ToJson(),
            Metrics = EvaluationJson.Write(report),
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        return version.Id;
    });
}
