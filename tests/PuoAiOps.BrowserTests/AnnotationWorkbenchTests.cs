using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The annotation workbench in a real browser on the demo workspace: an annotator labels ten
/// questions with the keyboard only (search, number keys, Enter, flags, note, undo, skip) without a
/// single page load, then a reviewer settles disagreements the same way, and the quality page shows
/// the result. Any 4xx/5xx, console or script error fails the test. Screenshots go to
/// docs/images/annotate-*.png (English) and annotate-*-zh.png (Chinese) with PUO_SCREENSHOTS=1.
/// </summary>
public sealed class AnnotationWorkbenchTests
{
    private const string Password = "correct horse battery staple";
    private const string AnnotatorEmail = "ana@example.test";
    private const string ReviewerEmail = "rita@example.test";

    [Fact]
    public async Task Annotator_LabelsTenItemsByKeyboard_ThenReviewerAdjudicates()
    {
        (long BatchId, long DemoBatchId, long ZhBatchId, string Ana, string Ben) seeded = default;
        await using var session = await BrowserSession.StartAsync(async c => seeded = await SeedAsync(c));
        var (batchId, demoBatchId, zhBatchId, ana, ben) = seeded;
        var console = session.Console;
        var shots = new Screenshots();

        // ---- the annotator ----
        var page = session.Page;
        await MudUi.SignInAsync(page, AnnotatorEmail, Password);
        await page.GotoAsync("/annotate");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator($"[data-batch='{batchId}'] [data-testid=start-batch]")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "annotate-home-annotator");
        await page.ClickAsync($"[data-batch='{batchId}'] [data-testid=start-batch]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/annotate/batches/{batchId}/label$"));
        await Assertions.Expect(page.Locator("[data-labeling]")).ToBeVisibleAsync();
        await MudUi.WaitForCircuitAsync(page);
        await WaitForKeysAsync(page);

        // From here on nothing may load a new document: every item arrives over the circuit.
        await page.EvaluateAsync("() => { window.__puoSamePage = 'yes'; }");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };
        var search = page.Locator("#intent-search");
        await Assertions.Expect(search).ToBeFocusedAsync();

        // The cheat sheet: leave the search box, then ?.
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#shortcut-sheet")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "annotate-shortcuts", fullPage: false);
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#shortcut-sheet")).ToBeHiddenAsync();

        // 1: type to search, take the first match with its number key, Enter.
        await search.FocusAsync();
        await LabelAsync(page, async () =>
        {
            await page.Keyboard.TypeAsync("refund");
            await Assertions.Expect(page.Locator(".picker-option.is-highlighted")).ToHaveAttributeAsync("data-key", "refund_request");
            await Assertions.Expect(page.Locator("[data-guide-target] .guide-title")).ToContainTextAsync("Refund request");
            await page.Keyboard.PressAsync("1");
            await Assertions.Expect(page.Locator("[data-answer]")).ToContainTextAsync("Refund request");
            // The batch hides suggestions: nothing of the model's guess before the label is stored.
            await Assertions.Expect(page.Locator(".suggestion-chip")).ToHaveCountAsync(0);
            await shots.TakeAsync(page, "annotate-label");
        });
        await Assertions.Expect(page.Locator("[data-saved]")).ToContainTextAsync("Saved: Refund request");
        // Once stored, the model's guess for that question is shown beside "Saved".
        await Assertions.Expect(page.Locator("[data-saved] .suggestion-chip")).ToBeVisibleAsync();

        // 2: Chinese name, Enter to choose the highlighted match, Enter to submit.
        await LabelAsync(page, async () =>
        {
            await page.Keyboard.InsertTextAsync("充值");
            await Assertions.Expect(page.Locator(".picker-option.is-highlighted")).ToHaveAttributeAsync("data-key", "recharge_not_credited");
            await page.Keyboard.PressAsync("Enter");
        });

        // 3: a number key straight away, then flag it unclear.
        await LabelAsync(page, async () =>
        {
            await page.Keyboard.PressAsync("2");
            await page.Keyboard.PressAsync("u");
            await Assertions.Expect(page.Locator("input[data-testid=flag-unclear], [data-testid=flag-unclear] input")).ToBeCheckedAsync();
        });

        // 4: out of scope.
        await LabelAsync(page, async () =>
        {
            await page.Keyboard.PressAsync("Escape");
            await page.Keyboard.PressAsync("o");
            await Assertions.Expect(page.Locator("[data-answer]")).ToContainTextAsync("Out of scope");
            await Assertions.Expect(page.Locator("[data-guide-target] .guide-title")).ToContainTextAsync("Out of scope");
        });

        // 5: two words, arrow down, several intents, and a note (Enter in the note submits).
        await LabelAsync(page, async () =>
        {
            await page.Keyboard.TypeAsync("pay fail");
            await Assertions.Expect(page.Locator(".picker-option.is-highlighted")).ToHaveAttributeAsync("data-key", "payment_failed");
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowUp");
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.PressAsync("m");
            await page.Keyboard.PressAsync("n");
            await page.Keyboard.TypeAsync("also asks about a refund");
            // Every letter of the note lands in the note, however late the server's focus moves arrive.
            await Assertions.Expect(page.Locator("#label-note")).ToHaveValueAsync("also asks about a refund");
            await Assertions.Expect(page.Locator("[data-answer]")).ToContainTextAsync("payment_failed");
            await shots.TakeAsync(page, "annotate-label-flags");
        }); // Enter in the note field submits the form

        // 6-9: quick ones.
        foreach (var query in new[] { "login", "gift not", "buffer", "withdraw" })
            await LabelAsync(page, async () =>
            {
                await page.Keyboard.TypeAsync(query);
                await page.Keyboard.PressAsync("1");
            });

        // 10, then undo it with z and label it again.
        var tenth = await CurrentItemAsync(page);
        await LabelAsync(page, async () => { await page.Keyboard.TypeAsync("no audio"); await page.Keyboard.PressAsync("1"); });
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("z");
        await page.WaitForFunctionAsync("id => document.querySelector('#item-panel .label-item')?.dataset.itemId === id", tenth);
        await Assertions.Expect(page.Locator("#item-panel")).ToContainTextAsync("taken back");
        await Assertions.Expect(page.Locator("#intent-search")).ToBeFocusedAsync();
        await LabelAsync(page, async () => { await page.Keyboard.TypeAsync("no audio"); await page.Keyboard.PressAsync("1"); });

        // Skip the rest with a reason (s, type, Enter): the batch is done for this annotator.
        while (await page.Locator("#item-panel .label-item[data-done=false]").CountAsync() > 0)
        {
            var item = await CurrentItemAsync(page);
            await page.Keyboard.PressAsync("Escape");
            await page.Keyboard.PressAsync("s");
            await Assertions.Expect(page.Locator("#skip-reason")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("Needs context I don't have");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("id => document.querySelector('#item-panel .label-item')?.dataset.itemId !== id", item);
        }
        await Assertions.Expect(page.Locator("[data-testid=batch-done]")).ToContainTextAsync("Batch done");
        await shots.TakeAsync(page, "annotate-done");

        Assert.Equal(0, navigations);
        Assert.Equal("yes", await page.EvaluateAsync<string>("() => window.__puoSamePage"));
        var labels = await WithDbAsync(console.Services, db => db.Labels.AsNoTracking().Where(l => l.UserId == ana && db.Items.Any(i => i.Id == l.ItemId && i.BatchId == batchId)).ToListAsync());
        Assert.Equal(10, labels.Count);
        Assert.All(labels, l => Assert.True(l.DurationMs > 0, "time on item is measured"));
        Assert.Single(labels, l => l.OutOfScope);
        Assert.Single(labels, l => l.Unclear);
        Assert.Single(labels, l => l.MultipleIntents && l.Note == "also asks about a refund");
        await page.Context.CloseAsync();

        // ---- the reviewer ----
        page = await session.NewPageAsync();
        await MudUi.SignInAsync(page, ReviewerEmail, Password);
        await page.GotoAsync("/annotate");
        await MudUi.WaitForCircuitAsync(page);
        await shots.TakeAsync(page, "annotate-home-reviewer");
        await page.GotoAsync($"/annotate/adjudicate?batch={batchId}");
        await MudUi.WaitForCircuitAsync(page);
        await WaitForKeysAsync(page);
        await page.EvaluateAsync("() => { window.__puoSamePage = 'yes'; }");
        navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };
        var waiting = int.Parse((await page.Locator("[data-testid=queue-position]").GetAttributeAsync("data-total"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(waiting >= 2, $"{waiting} disagreements");
        await Assertions.Expect(page.Locator("tr[data-given-intent]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#intent-search")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("1"); // the annotator's intent is listed first
        await Assertions.Expect(page.Locator("#decision-reason")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-guide-target] .guide-body")).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync("The guide's definition fits; out of scope was too quick.");
        await shots.TakeAsync(page, "annotate-adjudicate");
        var first = await page.Locator(".adjudication-case").GetAttributeAsync("data-item-id");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("id => document.querySelector('.adjudication-case')?.dataset.itemId !== id", first);
        await Assertions.Expect(page.Locator("#case-panel")).ToContainTextAsync("Decision saved");

        // Second case: out of scope after all, with its reason.
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("o");
        await Assertions.Expect(page.Locator("#decision-reason")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Not about our platform.");
        var second = await page.Locator(".adjudication-case").GetAttributeAsync("data-item-id");
        await page.Keyboard.PressAsync("Enter");
        // The notice from the first decision is still on screen, so wait for the case itself to change.
        await page.WaitForFunctionAsync("id => document.querySelector('.adjudication-case')?.dataset.itemId !== id", second);
        await Assertions.Expect(page.Locator("#case-panel")).ToContainTextAsync("Decision saved");
        Assert.Equal(0, navigations);
        var decided = await WithDbAsync(console.Services, db => db.Adjudications.AsNoTracking().Where(a => db.Items.Any(i => i.Id == a.ItemId && i.BatchId == batchId)).ToListAsync());
        Assert.Equal(2, decided.Count);
        Assert.Single(decided, a => a.OutOfScope);

        // The rest of the area, for the record.
        foreach (var (path, name) in new[]
        {
            ($"/annotate/batches/{batchId}", "annotate-batch"),
            ($"/annotate/batches/{demoBatchId}/quality", "annotate-quality"),
            ("/annotate/batches/new", "annotate-new-batch"),
            ("/annotate/guides", "annotate-guides"),
            ("/annotate/guides/payments.md", "annotate-guide"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await MudUi.WaitForCircuitAsync(page);
            if (name == "annotate-quality")
                await Assertions.Expect(page.Locator("[data-testid=chart-progress] canvas, [data-testid=chart-annotators] canvas")).ToHaveCountAsync(2);
            await shots.TakeAsync(page, name);
        }

        // The agreement page shows what the reviewer decided: the batch's items now include adjudicated ones.
        await page.GotoAsync($"/annotate/batches/{batchId}/quality");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=agreement-card]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-progress]")).ToHaveAttributeAsync("aria-label", new Regex(@"\b2 adjudicated"));
        await page.Context.CloseAsync();

        await ChineseWalkAsync(session, shots, batchId, demoBatchId, zhBatchId);

        session.AssertNoProblems();
        TestContext.Current.SendDiagnosticMessage($"screenshots: {string.Join(", ", shots.Saved)}; annotators {ana}, {ben}");
    }

    /// <summary>The page's key listener is on (keys.js counts them on the root element): a key pressed before would be typed, not handled.</summary>
    private static Task WaitForKeysAsync(IPage page) =>
        Assertions.Expect(page.Locator("html[data-key-listeners]:not([data-key-listeners='0'])")).ToHaveCountAsync(1);

    /// <summary>Waits for the item panel to show another item after <paramref name="answer"/> and Enter.</summary>
    private static async Task LabelAsync(IPage page, Func<Task> answer)
    {
        var before = await CurrentItemAsync(page);
        await answer();
        // The keys reach the server one by one over the circuit; Enter before the answer is applied would submit nothing.
        await Assertions.Expect(page.Locator("[data-answer].has-answer")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("id => document.querySelector('#item-panel .label-item')?.dataset.itemId !== id", before);
        await Assertions.Expect(page.Locator("#intent-search")).ToBeFocusedAsync();
    }

    /// <summary>The same pages in Chinese (the browser asks for zh-CN), labeled by keyboard too: screenshots annotate-*-zh.</summary>
    private static async Task ChineseWalkAsync(BrowserSession session, Screenshots shots, long batchId, long demoBatchId, long zhBatchId)
    {
        var page = await session.NewPageAsync("zh-CN");
        await MudUi.SignInAsync(page, AnnotatorEmail, Password);
        await page.GotoAsync("/annotate");
        await MudUi.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("标注");
        await shots.TakeAsync(page, "annotate-home-annotator-zh");
        await page.GotoAsync($"/annotate/batches/{zhBatchId}/label");
        await MudUi.WaitForCircuitAsync(page);
        await WaitForKeysAsync(page);
        await Assertions.Expect(page.Locator("#intent-search")).ToBeFocusedAsync();
        await page.Keyboard.InsertTextAsync("退款");
        await Assertions.Expect(page.Locator(".intent-picker .picker-option.is-highlighted")).ToHaveAttributeAsync("data-key", "refund_request");
        await page.Keyboard.PressAsync("1");
        await Assertions.Expect(page.Locator("[data-answer]")).ToContainTextAsync("您的答案");
        await shots.TakeAsync(page, "annotate-label-zh");
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#shortcut-sheet")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "annotate-shortcuts-zh", fullPage: false);
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#shortcut-sheet")).ToBeHiddenAsync();
        await LabelAsync(page, () => Task.CompletedTask);
        await page.Context.CloseAsync();

        page = await session.NewPageAsync("zh-CN");
        await MudUi.SignInAsync(page, ReviewerEmail, Password);
        foreach (var (path, name) in new[]
        {
            ("/annotate", "annotate-home-reviewer-zh"),
            ($"/annotate/adjudicate?batch={batchId}", "annotate-adjudicate-zh"),
            ($"/annotate/batches/{batchId}", "annotate-batch-zh"),
            ($"/annotate/batches/{demoBatchId}/quality", "annotate-quality-zh"),
            ("/annotate/batches/new", "annotate-new-batch-zh"),
            ("/annotate/guides", "annotate-guides-zh"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await MudUi.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            if (name == "annotate-quality-zh")
                await Assertions.Expect(page.Locator("[data-testid=chart-progress] canvas")).ToHaveCountAsync(1);
            await shots.TakeAsync(page, name);
        }
        await page.Context.CloseAsync();
    }

    private static Task<string?> CurrentItemAsync(IPage page) => page.Locator("#item-panel .label-item").GetAttributeAsync("data-item-id");

    /// <summary>
    /// The demo workspace, three people, a 12-question batch the second annotator already labeled out of
    /// scope, and a 3-question batch for the annotator alone (the Chinese walk).
    /// </summary>
    private static async Task<(long BatchId, long DemoBatchId, long ZhBatchId, string Ana, string Ben)> SeedAsync(KestrelConsole console)
    {
        await using var scope = console.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<DemoWorkspace>().SeedAsync(TestContext.Current.CancellationToken);
        var ana = (await console.AddUserAsync(AnnotatorEmail, Password, "Ana Alvarez", Roles.Annotator)).Id;
        var ben = (await console.AddUserAsync("ben@example.test", Password, "Ben Okafor", Roles.Annotator)).Id;
        await console.AddUserAsync(ReviewerEmail, Password, "Rita Reviewer", Roles.Reviewer);
        var batch = await sp.GetRequiredService<BatchService>().CreateAsync(new CreateBatchRequest
        {
            Name = "Support inbox, week 12",
            Filter = new BatchFilter { SampleSize = 12, Seed = 5 },
            LabelsPerItem = 2,
            AnnotatorIds = [ana, ben],
        }, null, TestContext.Current.CancellationToken);
        var queue = sp.GetRequiredService<QueueService>();
        while (await queue.NextAsync(batch.Id, ben, TestContext.Current.CancellationToken) is { } item)
            await queue.SubmitAsync(item.ItemId, ben, LabelInput.ForOutOfScope(2500), TestContext.Current.CancellationToken);
        var demoBatch = await sp.GetRequiredService<PuoDbContext>().Batches.Where(b => b.IsDemo).Select(b => b.Id).FirstAsync(TestContext.Current.CancellationToken);
        var zhBatch = await sp.GetRequiredService<BatchService>().CreateAsync(new CreateBatchRequest
        {
            Name = "客服收件箱 第 13 周",
            Filter = new BatchFilter { SampleSize = 3, Seed = 9 },
            LabelsPerItem = 1,
            AnnotatorIds = [ana],
            ShowSuggestions = true,
        }, null, TestContext.Current.CancellationToken);
        return (batch.Id, demoBatch, zhBatch.Id, ana, ben);
    }

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<PuoDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PuoDbContext>());
    }
}
