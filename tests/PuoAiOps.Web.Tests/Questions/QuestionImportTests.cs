using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Questions;

/// <summary>A team on a console whose import limit is small enough to exceed in a test.</summary>
public sealed class SmallImportLimitFixture : TeamFixture
{
    public const int MaxFileBytes = 16 * 1024;

    public SmallImportLimitFixture() => Factory.Settings["Import:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed partial class QuestionImportTests(SmallImportLimitFixture team) : IClassFixture<SmallImportLimitFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.Curator, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Reviewer, false)]
    [InlineData(Roles.Annotator, false)]
    [InlineData(Roles.Viewer, false)]
    public async Task QuestionPages_AreForCuratorsAndAdmins(string role, bool allowed)
    {
        using var client = await team.SignInAsAsync(role);
        foreach (var path in new[] { "/questions", "/questions/import" })
        {
            var page = await client.GetPageAsync(path);
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == page.Status, $"{role} GET {path}: {page.Status}");
            Assert.Equal(allowed, page.NavHrefs.Contains("/questions"));
        }
    }

    [Fact]
    public async Task Upload_OfACsvWithPersonalData_ReportsCounts_AndStoresNoRawPii()
    {
        const string csv = """
            external_id,text,locale,source
            q1,"My email is jane.doe@example.com and my recharge failed",en,app
            q2,"call me on +1 415 555 2671 about the refund",en,app
            q3,,en,app
            q4,"充值失败 邮箱 li.lei@example.cn",zh-CN,app
            q5,"My email is jane.doe@example.com and my recharge failed",en,app
            """;
        using var curator = await team.SignInAsAsync(Roles.Curator);
        var page = await curator.GetPageAsync("/questions/import");
        Assert.NotNull(page.Document.QuerySelector("form[data-testid=question-import][action='/questions/imports'] input[type=file]#question-file"));
        using var response = await curator.PostFileAsync("/questions/imports", "file", "sample.csv", Encoding.UTF8.GetBytes(csv),
            new Dictionary<string, string> { ["source"] = "upload-test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var runId = answer.RootElement.GetProperty("runId").GetInt64();
        Assert.Equal($"/questions/imports/{runId}", response.Headers.Location?.OriginalString);
        Assert.Equal((3, 1, 1), (answer.RootElement.GetProperty("imported").GetInt32(), answer.RootElement.GetProperty("duplicates").GetInt32(), answer.RootElement.GetProperty("rejected").GetInt32()));

        // The run's page, as the server renders it before the circuit starts.
        var runPage = await curator.GetPageAsync($"/questions/imports/{runId}");
        var report = runPage.Document.QuerySelector("[data-testid=import-report]")!;
        Assert.Equal("3", Stat(report, "imported"));
        Assert.Equal("1", Stat(report, "duplicates"));
        Assert.Equal("1", Stat(report, "rejected"));
        // Every row is redacted before it is recognised as a duplicate: three e-mail addresses in all.
        Assert.Equal("3", report.QuerySelector("[data-testid=redaction-counts] [data-kind=email] .redaction-count")?.GetAttribute("data-value"));
        Assert.Equal("1", report.QuerySelector("[data-testid=redaction-counts] [data-kind=phone] .redaction-count")?.GetAttribute("data-value"));
        var rejection = report.QuerySelector("[data-testid=rejections] tbody tr")!;
        Assert.Equal("4", rejection.Children[0].TextContent.Trim());
        Assert.Contains("missing text", rejection.Children[1].TextContent, StringComparison.Ordinal);

        var stored = await team.WithDbAsync(db => db.Questions.Where(q => q.ExternalId != null && q.ExternalId.StartsWith("q")).Select(q => q.Text).ToListAsync(Ct));
        Assert.Equal(3, stored.Count);
        Assert.All(stored, text =>
        {
            Assert.DoesNotContain("@example", text, StringComparison.Ordinal);
            Assert.DoesNotContain("555", text, StringComparison.Ordinal);
        });
        Assert.Contains(stored, t => t.Contains("<EMAIL>", StringComparison.Ordinal));
        var run = await team.WithDbAsync(db => db.ImportRuns.SingleAsync(r => r.Id == runId, Ct));
        Assert.Equal(team.Users[Roles.Curator].Id, run.CreatedById);
        Assert.DoesNotContain("jane.doe", run.Report, StringComparison.Ordinal);

        var list = await curator.GetPageAsync("/questions/import");
        Assert.NotNull(list.Document.QuerySelector($"[data-testid=recent-imports] [data-run='{run.Id}']"));
    }

    [Fact]
    public async Task QuestionPages_RenderInChinese_ForAcceptLanguageZhCN()
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        curator.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await curator.GetPageAsync("/questions/import");
        Assert.Equal("用户问题", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("导入用户问题文件", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmallImportLimitFixture.MaxFileBytes + 100)]      // the form fits, the file is over the limit
    [InlineData(SmallImportLimitFixture.MaxFileBytes * 8)]        // the body itself is over the limit
    public async Task Upload_OverTheSizeLimit_Answers413WithAClearMessage_AndStoresNothing(int size)
    {
        var runsBefore = await team.WithDbAsync(db => db.ImportRuns.CountAsync(Ct));
        var content = new StringBuilder("text\n");
        while (content.Length < size) content.Append("a long question about a failed recharge\n");
        using var curator = await team.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/questions/import");
        using var response = await curator.PostFileAsync("/questions/imports", "file", "big.csv", Encoding.UTF8.GetBytes(content.ToString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("limit", message, StringComparison.Ordinal);
        Assert.Contains("Import:MaxFileBytes", message, StringComparison.Ordinal);
        Assert.Equal(runsBefore, await team.WithDbAsync(db => db.ImportRuns.CountAsync(Ct)));
    }

    [Fact]
    public async Task Upload_WithoutAFileOrToken_IsRefused()
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/questions/import");
        using var empty = await curator.PostFileAsync("/questions/imports", "file", "empty.csv", []);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Choose a CSV or JSON Lines file", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var noToken = await curator.PostFileAsync("/questions/imports", "file", "q.csv", Encoding.UTF8.GetBytes("text\nhello\n"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task Upload_OfAFileThatIsNotAQuestionFile_ExplainsWhy()
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/questions/import");
        using var response = await curator.PostFileAsync("/questions/imports", "file", "notes.csv", Encoding.UTF8.GetBytes("title,body\nhello,world\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("text", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private static string? Stat(AngleSharp.Dom.IElement report, string name) =>
        report.QuerySelector($"[data-stat={name}] .stat-value")?.GetAttribute("data-value");
}
