using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Questions;

/// <summary>A team on a console whose import limit is small enough to exceed in a test.</summary>
public sealed class SmallImportLimitFixture : TeamFixture
{
    public const int MaxFileBytes = 16 * 1024;

    public SmallImportLimitFixture() => Factory.Settings["Import:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class QuestionImportTests(SmallImportLimitFixture team) : IClassFixture<SmallImportLimitFixture>
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
        Assert.NotNull(page.Document.QuerySelector("form[data-testid=question-import][hx-encoding='multipart/form-data']"));
        using var response = await curator.HtmxPostFileAsync("/questions/imports", "file", "sample.csv", Encoding.UTF8.GetBytes(csv),
            new Dictionary<string, string> { ["source"] = "upload-test" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var report = (await ConsoleClient.ReadFragmentAsync(response)).QuerySelector("[data-testid=import-report]")!;
        Assert.Equal("3", Stat(report, "imported"));
        Assert.Equal("1", Stat(report, "duplicates"));
        Assert.Equal("1", Stat(report, "rejected"));
        // Every row is redacted before it is recognised as a duplicate: three e-mail addresses in all.
        Assert.Equal("3", report.QuerySelector("[data-testid=redaction-counts] [data-kind=email] .redaction-count")?.TextContent);
        Assert.Equal("1", report.QuerySelector("[data-testid=redaction-counts] [data-kind=phone] .redaction-count")?.TextContent);
        var rejection = report.QuerySelector("[data-testid=rejections] tbody tr")!;
        Assert.Equal("4", rejection.Children[0].TextContent);
        Assert.Contains("missing text", rejection.Children[1].TextContent, StringComparison.Ordinal);

        var stored = await team.WithDbAsync(db => db.Questions.Where(q => q.ExternalId != null && q.ExternalId.StartsWith("q")).Select(q => q.Text).ToListAsync(Ct));
        Assert.Equal(3, stored.Count);
        Assert.All(stored, text =>
        {
            Assert.DoesNotContain("@example", text, StringComparison.Ordinal);
            Assert.DoesNotContain("555", text, StringComparison.Ordinal);
        });
        Assert.Contains(stored, t => t.Contains("<EMAIL>", StringComparison.Ordinal));
        var run = await team.WithDbAsync(db => db.ImportRuns.OrderByDescending(r => r.Id).FirstAsync(Ct));
        Assert.Equal(team.Users[Roles.Curator].Id, run.CreatedById);
        Assert.DoesNotContain("jane.doe", run.Report, StringComparison.Ordinal);

        var list = await curator.GetPageAsync("/questions/import");
        Assert.NotNull(list.Document.QuerySelector($"[data-testid=recent-imports] [data-run='{run.Id}']"));
        var runPage = await curator.GetPageAsync($"/questions/imports/{run.Id}");
        Assert.Equal("3", Stat(runPage.Document.QuerySelector("[data-testid=import-report]")!, "imported"));
    }

    [Fact]
    public async Task QuestionText_IsRenderedEncoded_InTheList()
    {
        const string jsonl = """
            {"text": "<script>alert('x')</script> why is my stream lagging", "locale": "en", "external_id": "xss-1"}
            """;
        using var curator = await team.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/questions/import");
        using var response = await curator.HtmxPostFileAsync("/questions/imports", "file", "x.jsonl", Encoding.UTF8.GetBytes(jsonl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var list = await curator.GetAsync("/questions?q=lagging");
        var html = await list.Content.ReadAsStringAsync(Ct);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var page = await curator.GetPageAsync("/questions?q=lagging");
        Assert.Single(page.Document.QuerySelectorAll("[data-testid=questions] tbody tr"));
        Assert.Empty(page.Document.QuerySelectorAll("[data-testid=questions] script"));
    }

    [Fact]
    public async Task QuestionList_FiltersByLabelSourceAndLocale()
    {
        await team.WithDbAsync(async db =>
        {
            db.Questions.AddRange(
                new Question { Text = "filter one", TextHash = "f1", Source = "filter-src", Locale = "en" },
                new Question { Text = "filter two", TextHash = "f2", Source = "filter-src", Locale = "zh-CN", FinalOutOfScope = true });
            return await db.SaveChangesAsync(Ct);
        });
        using var curator = await team.SignInAsAsync(Roles.Curator);
        string[] Texts(Page p) => p.Document.QuerySelectorAll("[data-testid=questions] .question-text").Select(e => e.TextContent).ToArray();
        Assert.Equal(["filter two", "filter one"], Texts(await curator.GetPageAsync("/questions?source=filter-src")));
        Assert.Equal(["filter two"], Texts(await curator.GetPageAsync("/questions?source=filter-src&labeled=yes")));
        Assert.Equal(["filter one"], Texts(await curator.GetPageAsync("/questions?source=filter-src&labeled=no")));
        Assert.Equal(["filter two"], Texts(await curator.GetPageAsync("/questions?source=filter-src&locale=zh-CN")));
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
        using var response = await curator.HtmxPostFileAsync("/questions/imports", "file", "big.csv", Encoding.UTF8.GetBytes(content.ToString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var message = (await ConsoleClient.ReadFragmentAsync(response)).QuerySelector("[data-testid=error-feedback]")!.TextContent;
        Assert.Contains("limit", message, StringComparison.Ordinal);
        Assert.Contains("Import:MaxFileBytes", message, StringComparison.Ordinal);
        Assert.Equal(runsBefore, await team.WithDbAsync(db => db.ImportRuns.CountAsync(Ct)));
    }

    [Fact]
    public async Task Upload_WithoutAFileOrToken_IsRefused()
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/questions/import");
        using var empty = await curator.HtmxPostFileAsync("/questions/imports", "file", "empty.csv", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Choose a CSV or JSON Lines file", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var noToken = await curator.HtmxPostFileAsync("/questions/imports", "file", "q.csv", Encoding.UTF8.GetBytes("text\nhello\n"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task Upload_OfAFileThatIsNotAQuestionFile_ExplainsWhy()
    {
        using var curator = await team.SignInAsAsync(Roles.Curator);
        await curator.GetPageAsync("/questions/import");
        using var response = await curator.HtmxPostFileAsync("/questions/imports", "file", "notes.csv", Encoding.UTF8.GetBytes("title,body\nhello,world\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("text", (await ConsoleClient.ReadFragmentAsync(response)).QuerySelector("[data-testid=error-feedback]")!.TextContent, StringComparison.Ordinal);
    }

    private static string? Stat(AngleSharp.Dom.IElement report, string name) =>
        report.QuerySelector($"[data-stat={name}] .stat-value")?.TextContent;
}
