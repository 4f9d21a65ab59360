using PuoAiOps.Application.Persistence.Entities;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PuoAiOps.Web.Tests.Classification;

/// <summary>
/// The classifier pages with two trained versions, as the server prerenders them: who may open them,
/// the serving card, the evaluation with its three charts, the comparison, and the API. The versions
/// grid (loaded over the circuit), promotion and training are in VersionsGridTests and the browser test.
/// </summary>
public sealed class ClassifierPageTests(ClassifierFixture console) : IClassFixture<ClassifierFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.Curator)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Admin)]
    public async Task ClassifierPage_OpensAsAnInteractivePage_WithTheServingVersionAndTraining(string role)
    {
        using var client = await console.SignInAsAsync(role);
        var page = await client.GetPageAsync("/classifier");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Classifier", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("script[src^='/_framework/blazor.web.js']"));
        var servingId = await console.WithDbAsync(db => db.ModelVersions.Where(m => m.IsServing).Select(m => m.Id).SingleAsync(Ct));
        var serving = page.Document.QuerySelector("[data-testid=serving]")!;
        Assert.NotNull(serving.QuerySelector($"a[href='/classifier/versions/{servingId}']"));
        Assert.Contains("Accuracy", serving.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=train-button]:not([disabled])"));
        Assert.Contains("No LLM endpoint configured", page.Document.QuerySelector("[data-testid=llm]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=versions]"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=jobs]"));
    }

    [Fact]
    public async Task ClassifierPage_ForAcceptLanguageZhCN_RendersInChinese()
    {
        using var client = await console.SignInAsAsync(Roles.Reviewer);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await client.GetPageAsync("/classifier");
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("分类器", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("机器人当前使用", page.Text, StringComparison.Ordinal);
        Assert.Contains("训练离线版本", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Annotator)]
    public async Task OtherRoles_Get403_OnEveryClassifierPageAndTheApi(string role)
    {
        using var client = await console.SignInAsAsync(role);
        foreach (var path in new[] { "/classifier", $"/classifier/versions/{console.Candidate.Id}", $"/classifier/compare?a={console.Baseline.Id}&b={console.Candidate.Id}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(path)).Status);
        using var api = await client.GetAsync("/api/v1/classifier/versions", "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task OldFormAndChartEndpoints_AreGone()
    {
        using var admin = await console.SignInAsAsync(Roles.Admin);
        foreach (var path in new[] { "/classifier/jobs", $"/classifier/versions/{console.Candidate.Id}/charts/confusion", $"/classifier/compare/chart?a={console.Baseline.Id}&b={console.Candidate.Id}" })
        {
            using var response = await admin.GetAsync(path, "application/json");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {response.StatusCode}");
        }
        var serving = await console.ServingIdAsync();
        foreach (var action in new[] { "/classifier/train", $"/classifier/versions/{console.Candidate.Id}/promote", "/classifier/rollback" })
        {
            using var response = await admin.PostWithTokenAsync(action, new Dictionary<string, string>());
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST {action}: {response.StatusCode}");
        }
        Assert.Equal(serving, await console.ServingIdAsync());
    }

    [Theory]
    [InlineData(Roles.Curator, false)]
    [InlineData(Roles.Reviewer, true)]
    public async Task VersionPage_ShowsTheEvaluation_WithThreeChartsAndPromotionForReviewers(string role, bool canPromote)
    {
        using var client = await console.SignInAsAsync(role);
        var notServing = await console.WithDbAsync(db => db.ModelVersions.Where(m => !m.IsServing).Select(m => m.Id).FirstAsync(Ct));
        var page = await client.GetPageAsync($"/classifier/versions/{notServing}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var metrics = page.Document.QuerySelector("[data-testid=metrics]")!;
        foreach (var key in new[] { "accuracy", "macro-f1", "oos-recall", "oos-precision", "coverage" })
            Assert.Matches(@"^\d+\.\d%$", metrics.QuerySelector($"[data-stat={key}] .stat-value")!.TextContent.Trim());
        foreach (var chart in new[] { "chart-confusion", "chart-histogram", "chart-coverage" })
        {
            var element = page.Document.QuerySelector($"[data-testid={chart}]");
            Assert.NotNull(element);
            Assert.Equal("img", element.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(element.GetAttribute("aria-label")), chart);
        }
        Assert.NotNull(page.Document.QuerySelector("[data-testid=cross-validate]"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=per-intent]"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=settings]"));
        Assert.Equal(canPromote, page.Document.QuerySelector("[data-testid=promote]") is not null);
    }

    [Fact]
    public async Task VersionPage_ForAnUnknownId_Answers404()
    {
        using var client = await console.SignInAsAsync(Roles.Curator);
        var missing = await client.GetPageAsync("/classifier/versions/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.True(missing.HasShell);
        Assert.Contains("There is no version #987654", missing.Text, StringComparison.Ordinal);
        var compare = await client.GetPageAsync($"/classifier/compare?a={console.Baseline.Id}&b=987654");
        Assert.Equal(HttpStatusCode.NotFound, compare.Status);
    }

    [Fact]
    public async Task ComparePage_ShowsHeadlineChangesInPoints_AndTheChart()
    {
        using var client = await console.SignInAsAsync(Roles.Curator);
        var page = await client.GetPageAsync($"/classifier/compare?a={console.Baseline.Id}&b={console.Candidate.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("[data-testid=different-data]"));
        var accuracy = page.Document.QuerySelector("[data-testid=headline] tr[data-metric=accuracy] .delta")!;
        Assert.Matches(@"^[+−]\d+\.\d pt$", accuracy.TextContent.Trim());
        Assert.Equal(7, page.Document.QuerySelectorAll("[data-testid=headline] tr[data-metric]").Length);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=chart-compare][role=img]"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=compare-picker]"));
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
}
