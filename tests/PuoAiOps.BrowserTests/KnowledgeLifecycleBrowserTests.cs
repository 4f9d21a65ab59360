using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The knowledge base's lifecycle in a real browser: a curator syncs the server's folder (a job whose
/// progress is pushed to the page), archives a document (it leaves the list and the retrieval test),
/// restores it, deletes it after the confirmation, and sees dense scores in the retrieval test; a viewer
/// reads the same pages without any control that changes them.
/// </summary>
public sealed class KnowledgeLifecycleBrowserTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private const string CuratorEmail = "cato@example.test";
    private const string ViewerEmail = "vera@example.test";

    private const string Refunds = """
        ---
        title: Refund policy
        domain: payments
        ---
        # Refund policy

        Unused coins can be refunded within 14 days of purchase.
        """;

    private const string Lag = """
        ---
        title: Stream lag
        domain: streaming
        ---
        # Stream lag

        Lower the bitrate when the stream buffers, or use a wired connection instead of mobile data.
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "puo-kb-browser-sync-" + Guid.NewGuid().ToString("N"));

    public KnowledgeLifecycleBrowserTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "stream-lag.md"), Lag);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Curator_SyncsArchivesRestoresAndDeletes_ViewerOnlyReads()
    {
        await using var session = await BrowserSession.StartAsync(SeedAsync, c => c.Settings["Knowledge:SyncFolder"] = _folder);
        var shots = new Screenshots();
        var page = session.Page;
        await MudUi.SignInAsync(page, CuratorEmail, Password);

        // Sync the server's folder: a job, its progress pushed to the page, then the new document in the list.
        await page.GotoAsync("/knowledge");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=sync-panel]")).ToContainTextAsync(_folder);
        await Assertions.Expect(page.Locator("[data-testid=document-link]")).ToHaveCountAsync(1);
        await page.ClickAsync("[data-testid=sync-button]");
        await Assertions.Expect(page.Locator("[data-testid=job-progress][data-job-status=succeeded]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=job-progress]")).ToContainTextAsync("1 added or updated");
        await Assertions.Expect(page.Locator("[data-testid=document-link]")).ToHaveCountAsync(2);

        // The retrieval test ranks with both retrievers in the console: cosine scores are shown.
        await page.GotoAsync("/knowledge/retrieval");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=suites]")).ToBeVisibleAsync();
        await page.FillAsync("#retrieval-query", "my video keeps freezing");
        await page.ClickAsync("[data-testid=search]");
        var first = page.Locator("[data-testid=hit]").First;
        await Assertions.Expect(first).ToContainTextAsync("Stream lag");
        await Assertions.Expect(first.Locator("[data-testid=score-dense]")).ToContainTextAsync(new Regex("\\d\\.\\d{3} \\(#1\\)"));
        await Assertions.Expect(page.Locator("[data-testid=keyword-only]")).ToHaveCountAsync(0);

        // Archive: the document says so, leaves the list (the State filter finds it) and the retrieval test.
        await page.GotoAsync("/knowledge");
        await MudUi.WaitForCircuitAsync(page);
        await MudUi.ClickToNavigateAsync(page, page.Locator("[data-testid=document-link]", new() { HasText = "Refund policy" }), new Regex("/knowledge/documents/\\d+$"));
        await MudUi.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=archive]");
        await Assertions.Expect(page.Locator("[data-testid=archived-note]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=restore]")).ToBeVisibleAsync();
        var document = page.Url;
        await page.GotoAsync("/knowledge");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=document-link]")).ToHaveCountAsync(1);
        await MudUi.SelectAsync(page, page.Locator("[data-testid=document-filters]"), "State", "Archived");
        await Assertions.Expect(page.Locator("[data-testid=archived]")).ToHaveCountAsync(1);
        await page.GotoAsync("/knowledge/retrieval");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=suites]")).ToBeVisibleAsync();
        await page.FillAsync("#retrieval-query", "refund unused coins");
        await page.ClickAsync("[data-testid=search]");
        await Assertions.Expect(page.Locator("[data-testid=results]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=hit]", new() { HasText = "Refund policy" })).ToHaveCountAsync(0);

        // Restore, then delete after the confirmation: back on the list, without it.
        await page.GotoAsync(document);
        await MudUi.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=restore]");
        await Assertions.Expect(page.Locator("[data-testid=archived-note]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=delete]");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("cannot be undone");
        await shots.TakeAsync(page, "knowledge-delete");
        await page.Locator(".mud-dialog button", new() { HasText = "Delete" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/knowledge$"));
        await MudUi.ExpectSnackbarAsync(page, "Refund policy deleted");
        await Assertions.Expect(page.Locator("[data-testid=document-link]")).ToHaveCountAsync(1);
        await MudUi.SignOutAsync(page);

        // A viewer reads the list, a document and the retrieval test, with no control that changes anything.
        await MudUi.SignInAsync(page, ViewerEmail, Password);
        await page.GotoAsync("/knowledge");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Knowledge base");
        await Assertions.Expect(page.Locator("[data-testid=document-link]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=upload-panel]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=nav-glossary]")).ToHaveCountAsync(0);
        await MudUi.ClickToNavigateAsync(page, page.Locator("[data-testid=document-link]").First, new Regex("/knowledge/documents/\\d+$"));
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=preview]")).ToContainTextAsync("Lower the bitrate");
        await Assertions.Expect(page.Locator("[data-testid=archive], [data-testid=delete], [data-testid=tab-edit]")).ToHaveCountAsync(0);
        await page.GotoAsync("/knowledge/retrieval");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=suites]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=suite-run], [data-testid=suite-create]")).ToHaveCountAsync(0);

        session.AssertNoProblems();
    }

    /// <summary>A curator and a viewer, and one English document.</summary>
    private static async Task SeedAsync(KestrelConsole console)
    {
        var curator = await console.AddUserAsync(CuratorEmail, Password, Roles.Curator, Roles.Curator);
        await console.AddUserAsync(ViewerEmail, Password, Roles.Viewer, Roles.Viewer);
        await using var scope = console.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KnowledgeIngestionService>()
            .IngestAsync(new DocumentUpload("refund-policy.md", Encoding.UTF8.GetBytes(Refunds), "test", curator.Id));
    }
}
