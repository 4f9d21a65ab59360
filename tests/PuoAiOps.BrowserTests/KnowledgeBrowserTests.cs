using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Knowledge.Documents;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Knowledge.Suites;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The knowledge pages in a real browser: a curator lists the documents, uploads three files (one
/// accepted; an unsupported type and a hidden-text-only page refused with their reasons), opens the
/// new document (preview, chunks in the keyword index), edits it (a new revision whose diff shows the
/// change), is refused a stale save without losing the text, tests retrieval (BM25 and fused scores,
/// highlighted matches) and runs the regression suite twice. Screenshots in English and Chinese.
/// </summary>
public sealed class KnowledgeBrowserTests
{
    private const string Password = "correct horse battery staple";
    private const string CuratorEmail = "kim@example.test";

    private const string Refunds = """
        ---
        title: Refund policy
        owner: payments-team
        domain: payments
        review_by: 2020-01-01
        ---
        # Refund policy

        Unused coins can be refunded within 14 days of purchase.

        ## How long it takes

        Approved refunds take 5-10 business days.
        """;

    private const string Recharge = """
        ---
        title: 充值未到账
        locale: zh-CN
        owner: payments-team
        domain: payments
        ---
        # 充值未到账

        扣款成功但金币没有到账时，请先核对充值记录，再提交订单号。
        """;

    private const string Lag = """
        ---
        title: Stream lag
        owner: streaming-team
        domain: streaming
        ---
        # Stream lag

        Lower the bitrate when the stream buffers.

        ## Network

        Use a wired connection instead of mobile data.
        """;

    [Fact]
    public async Task Curator_Uploads_OpensChunks_EditsWithDiff_IsRefusedAStaleSave_TestsRetrieval_AndRunsTheSuite()
    {
        await using var session = await BrowserSession.StartAsync(SeedAsync);
        var console = session.Console;
        var shots = new Screenshots();
        var page = session.Page;
        await session.SignInAsync(CuratorEmail, Password);

        // The list: two documents, the refund policy past its review-by date.
        await page.GotoAsync("/knowledge");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Knowledge base");
        await Assertions.Expect(page.Locator("[data-testid=document-link]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=stale]")).ToHaveCountAsync(1);

        // Three files: one goes in, two are refused with the service's reasons.
        await page.Locator("[data-testid=upload-panel] input[type=file]").SetInputFilesAsync(new[]
        {
            File("stream-lag.md", "text/markdown", Lag),
            File("manual.pdf", "application/pdf", "%PDF-1.7 binary"),
            File("hidden.html", "text/html", "<div style=\"display:none\">only for the bot</div><p style=\"color:#fff;background:#fff\">white on white</p>"),
        });
        await Assertions.Expect(page.Locator("[data-testid=upload-ok]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=upload-refused]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=upload-refused]", new() { HasText = "unsupported type '.pdf'" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=upload-refused]", new() { HasText = "no visible text" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=document-link]")).ToHaveCountAsync(3);
        await shots.TakeAsync(page, "knowledge-documents");

        // The new document: preview, and its chunks in the keyword index.
        await page.Locator("[data-testid=document-link]", new() { HasText = "Stream lag" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/knowledge/documents/\\d+$"));
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=preview]")).ToContainTextAsync("Lower the bitrate");
        await Tab(page, "Chunks (2)").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=chunk]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=chunk-keyword]", new() { HasText = "Keyword index" })).ToHaveCountAsync(2);
        await shots.TakeAsync(page, "knowledge-chunks");

        // An edit: a new revision, and the history's diff shows the changed line.
        await Tab(page, "Edit").ClickAsync();
        var editor = page.Locator("#document-source");
        await Assertions.Expect(editor).ToHaveValueAsync(new Regex("Lower the bitrate"));
        await editor.FillAsync(Lag.Replace("Lower the bitrate", "Lower the bitrate to 2500 kbps", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=editor-preview]")).ToContainTextAsync("2500 kbps");
        await page.ClickAsync("[data-testid=save]");
        await MudUi.ExpectSnackbarAsync(page, "Saved as revision 2");
        await Assertions.Expect(page.Locator("[data-testid=diff] .kb-add", new() { HasText = "2500 kbps" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=diff] .kb-del", new() { HasText = "Lower the bitrate when" })).ToHaveCountAsync(1);
        await shots.TakeAsync(page, "knowledge-diff");

        // Someone else saves meanwhile: this save is refused, the typed text stays.
        var id = long.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        await SaveElsewhereAsync(console.Services, id);
        await Tab(page, "Edit").ClickAsync();
        await editor.FillAsync(Lag + "\nMine.\n");
        await page.ClickAsync("[data-testid=save]");
        await Assertions.Expect(page.Locator("[data-testid=editor-conflict]")).ToBeVisibleAsync();
        await Assertions.Expect(editor).ToHaveValueAsync(new Regex("Mine\\."));

        // Retrieval test: scores per retriever and the matches marked.
        await page.GotoAsync("/knowledge/retrieval");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=suite-select]")).ToBeVisibleAsync();
        await page.FillAsync("#retrieval-query", "refund coins");
        await page.ClickAsync("[data-testid=search]");
        var first = page.Locator("[data-testid=hit]").First;
        await Assertions.Expect(first).ToContainTextAsync("Refund policy");
        await Assertions.Expect(first.Locator("[data-testid=score-bm25]")).ToContainTextAsync(new Regex("BM25 \\d"));
        await Assertions.Expect(first.Locator("[data-testid=score-fused]")).ToContainTextAsync(new Regex("\\d\\.\\d{4}"));
        await Assertions.Expect(first.Locator("mark", new() { HasText = "coins" })).ToHaveCountAsync(1);

        // The regression suite, run twice: it passes, and the second run shows no change and a chart.
        await page.ClickAsync("[data-testid=suite-run]");
        await Assertions.Expect(page.Locator("[data-testid=suite-verdict]")).ToContainTextAsync("Passed: 2 of 2");
        await Assertions.Expect(page.Locator("[data-testid=value-recall1]")).ToHaveTextAsync("100.0%");
        await page.ClickAsync("[data-testid=suite-run]");
        await Assertions.Expect(page.Locator("[data-testid=delta-recall1]")).ToHaveTextAsync("±0 pt");
        await Assertions.Expect(page.Locator("[data-testid=suite-chart] canvas")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "knowledge-retrieval");

        // The same pages in Chinese.
        await page.ClickAsync("[data-testid=language-picker] button");
        await page.ClickAsync(".mud-popover-open [data-culture=zh-CN]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("检索测试");
        await page.FillAsync("#retrieval-query", "金币没到账");
        await page.ClickAsync("[data-testid=search]");
        await Assertions.Expect(page.Locator("[data-testid=hit]").First).ToContainTextAsync("充值未到账");
        await Assertions.Expect(page.Locator("[data-testid=suite-verdict]")).ToContainTextAsync("通过");
        await shots.TakeAsync(page, "knowledge-retrieval-zh");
        await page.GotoAsync("/knowledge");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("知识库");
        await Assertions.Expect(page.Locator("[data-testid=stale]").First).ToHaveTextAsync("待更新");
        await shots.TakeAsync(page, "knowledge-documents-zh");
        await page.GotoAsync($"/knowledge/documents/{id}");
        await MudUi.WaitForCircuitAsync(page);
        await Tab(page, "历史").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=diff]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "knowledge-diff-zh");

        session.AssertNoProblems();
    }

    private static FilePayload File(string name, string type, string text) => new() { Name = name, MimeType = type, Buffer = Encoding.UTF8.GetBytes(text) };

    private static ILocator Tab(IPage page, string name) => page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    /// <summary>A curator, two documents (English, stale; Chinese) and a suite of two queries.</summary>
    private static async Task SeedAsync(KestrelConsole console)
    {
        var user = await console.AddUserAsync(CuratorEmail, Password, "Kim", Roles.Curator);
        await using var scope = console.Services.CreateAsyncScope();
        var ingestion = scope.ServiceProvider.GetRequiredService<KnowledgeIngestionService>();
        await ingestion.IngestAsync(new DocumentUpload("refund-policy.md", Encoding.UTF8.GetBytes(Refunds), "test", user.Id));
        await ingestion.IngestAsync(new DocumentUpload("recharge-not-credited.md", Encoding.UTF8.GetBytes(Recharge), "test", user.Id));
        var suites = scope.ServiceProvider.GetRequiredService<RetrievalSuiteService>();
        var suite = await suites.CreateAsync("Smoke", 5, user.Id);
        await suites.AddQueryAsync(suite, new NewSuiteQuery("how long does a refund take", ["refund-policy"], "en"));
        await suites.AddQueryAsync(suite, new NewSuiteQuery("金币没有到账", ["recharge-not-credited"], "zh-CN"));
    }

    private static async Task SaveElsewhereAsync(IServiceProvider services, long id)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var current = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
        await scope.ServiceProvider.GetRequiredService<DocumentEditor>().SaveAsync(id, current.Version, current.Markdown + "\nTheirs.\n", null);
    }
}
