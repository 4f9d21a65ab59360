using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The bot's pages in a real browser: ask in the playground and read the answer's source and trace,
/// then find that (test) conversation on the conversations page and read it with its trace.
/// </summary>
public sealed class BotBrowserTests
{
    private const string Email = "bo@example.test";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Playground_AnswersWithATrace_AndTheConversationCanBeReadBack()
    {
        await using var session = await BrowserSession.StartAsync(SeedAsync);
        var page = session.Page;
        var shots = new Screenshots();

        await session.SignInAsync(Email, Password);
        await page.GotoAsync("/playground");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bot playground");
        await Assertions.Expect(page.Locator("[data-testid=test-traffic]")).ToBeVisibleAsync();

        // An SOP question: the passage answers, its trace names the passage.
        await page.FillAsync("#playground-message", "Can I get a refund for unused coins?");
        await page.ClickAsync("[data-testid=send]");
        var first = page.Locator("[data-testid=exchange]").First;
        await Assertions.Expect(first.Locator("[data-testid=source]")).ToHaveTextAsync("SOP");
        await Assertions.Expect(first.Locator("[data-testid=answer]")).ToContainTextAsync("refunded");
        await Assertions.Expect(first.Locator("[data-testid=trace-passages]")).ToContainTextAsync("refunds");

        // Something the bot cannot answer: handed to a person.
        await page.FillAsync("#playground-message", "what is the best pizza topping in Naples");
        await page.ClickAsync("[data-testid=send]");
        var second = page.Locator("[data-testid=exchange]").Nth(1);
        await Assertions.Expect(second.Locator("[data-testid=source]")).ToHaveTextAsync("Handoff");
        await Assertions.Expect(second.Locator("[data-testid=trace-reason]")).ToContainTextAsync("nothing good enough");
        await shots.TakeAsync(page, "bot-playground");

        // The conversation is test traffic: hidden on the conversations page until included.
        await page.GotoAsync("/conversations?source=sop");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Conversations");
        await Assertions.Expect(page.Locator("[data-testid=conversation-grid] .empty-state")).ToBeVisibleAsync();
        await page.GetByText("Include test traffic").ClickAsync();
        var link = page.Locator("[data-testid=conversation-link]").First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        await shots.TakeAsync(page, "bot-conversations");
        await link.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/conversations/\\d+$"));
        await Assertions.Expect(page.Locator("[data-testid=turn]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=trace]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=conversation-summary]")).ToContainTextAsync("Escalated");

        session.AssertNoProblems();
    }

    [Fact]
    public async Task Playground_ShowsTheModelsDraftWhileItWrites_ThenTheCheckedAnswer()
    {
        ChromiumLocator.Require(); // before the model server starts
        await using var llm = await GatedChatServer.StartAsync("Unused coins bought in the last 14 days ", "can be refunded from Wallet > Purchases");
        await using var session = await BrowserSession.StartAsync(SeedAsync, console =>
        {
            console.Settings["Ai:Provider"] = "OpenAI";
            console.Settings["Ai:Endpoint"] = llm.V1;
            console.Settings["Ai:ApiKey"] = "test-key";
            console.Settings["Ai:Model"] = "gated";
            // The gate is opened by the test once the browser shows the draft: no budget may run out meanwhile.
            console.Settings["Ai:TimeoutSeconds"] = "120";
            console.Settings["Bot:LlmBudgetSeconds"] = "120";
        });
        var page = session.Page;

        await session.SignInAsync(Email, Password);
        await page.GotoAsync("/playground");
        await MudUi.WaitForCircuitAsync(page);
        await page.FillAsync("#playground-message", "Can I get a refund for unused coins?");
        await page.ClickAsync("[data-testid=send]");

        // The model has written half its answer and waits: the page shows it as a draft being checked.
        var pending = page.Locator("[data-testid=pending]");
        await Assertions.Expect(pending.Locator("[data-testid=draft-chip]")).ToHaveTextAsync("Model draft, being checked");
        await Assertions.Expect(pending.Locator("[data-testid=draft]")).ToHaveTextAsync(llm.FirstHalf.TrimEnd());
        await Assertions.Expect(page.Locator("[data-testid=exchange]")).ToHaveCountAsync(0);
        await new Screenshots().TakeAsync(page, "bot-playground-draft");

        // The rest arrives, passes the checks, and is served as the LLM's answer.
        llm.Open();
        var served = page.Locator("[data-testid=exchange]").First;
        await Assertions.Expect(served.Locator("[data-testid=source]")).ToHaveTextAsync("LLM");
        await Assertions.Expect(served.Locator("[data-testid=answer]")).ToHaveTextAsync(llm.FirstHalf + llm.SecondHalf + ".");
        await Assertions.Expect(pending).ToHaveCountAsync(0);

        session.AssertNoProblems();
    }

    private static async Task SeedAsync(KestrelConsole console)
    {
        await console.AddUserAsync(Email, Password, "Bo", Roles.Curator);
        await using var scope = console.Services.CreateAsyncScope();
        var doc = "---\ntitle: Coin refunds\n---\n# Coin refunds\n\n## Refund for unused coins\n\nUnused coins bought in the last 14 days can be refunded to the original payment method. Open Wallet > Purchases, choose the order and tap Request refund.\n";
        await scope.ServiceProvider.GetRequiredService<KnowledgeIngestionService>().IngestAsync(new DocumentUpload("refunds.md", Encoding.UTF8.GetBytes(doc), "test:refunds", null, "en"));
    }
}
