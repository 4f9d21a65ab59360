using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence.Entities;

using static PuoAiOps.Benchmarks.ScenarioSupport;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// Submit-and-next through the real labeling page: the console on Kestrel (temp SQLite workspace with
/// the demo data), Debian's chromium driven by Playwright, one annotator pressing 1 then Enter for every
/// question. Each latency runs from the Enter key press until the next question is on the screen
/// (key forwarding, the circuit, QueueService, the render and the DOM update; plus Playwright's own
/// round trip). Usage: annotate-page [--submits 220] [--warmup 20]
/// </summary>
public static class AnnotatePageScenario
{
    private const string Password = "correct horse battery staple";

    public static async Task<int> RunAsync(string[] args)
    {
        var submits = Option(args, "--submits", 220);
        var warmup = Option(args, "--warmup", 20);
        var chromium = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "chromium")).FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Console.Error.WriteLine("chromium not found on PATH: apt-get install -y chromium");
            return 2;
        }

        await using var console = new ConsoleHost("Development", seedDemo: false);
        var baseUrl = console.Start();
        var batchId = await SeedAsync(console.Services, submits + warmup + 5);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var page = await browser.NewPageAsync(new() { BaseURL = baseUrl });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync("/login");
        await page.FillAsync("#email", "bench@example.test");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await page.GotoAsync($"/annotate/batches/{batchId}/label");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("#intent-search")).ToBeFocusedAsync(new() { Timeout = 60_000 });

        var latencies = new List<double>();
        for (var i = 0; i < submits + warmup; i++)
        {
            var before = await page.Locator("#item-panel .label-item").GetAttributeAsync("data-item-id");
            await page.Keyboard.PressAsync("1");
            await page.Locator("[data-answer].has-answer").WaitForAsync();
            var clock = Stopwatch.StartNew();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("id => document.querySelector('#item-panel .label-item')?.dataset.itemId !== id", before,
                new() { PollingInterval = 1 });
            clock.Stop();
            if (i >= warmup) latencies.Add(clock.Elapsed.TotalMilliseconds);
            await Assertions.Expect(page.Locator("#intent-search")).ToBeFocusedAsync(new() { Timeout = 60_000 });
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"annotate-page: {latencies.Count} submits (after {warmup} warm-up), p50 {Percentile(latencies, 0.50):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms; load average {LoadAverage()}"));
        return 0;
    }

    /// <summary>The demo workspace, one annotator and a one-label-per-item batch big enough for the run.</summary>
    private static async Task<long> SeedAsync(IServiceProvider services, int items)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<DemoWorkspace>().SeedAsync();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "bench@example.test", Email = "bench@example.test", EmailConfirmed = true, DisplayName = "Bench" };
        Check((await users.CreateAsync(user, Password)).Succeeded);
        Check((await users.AddToRoleAsync(user, Roles.Annotator)).Succeeded);
        var batch = await sp.GetRequiredService<BatchService>().CreateAsync(new CreateBatchRequest
        {
            Name = "Page benchmark",
            Filter = new BatchFilter { SampleSize = items, Seed = 3 },
            LabelsPerItem = 1,
            AnnotatorIds = [user.Id],
        }, null);
        if (batch.Progress.Items < items) throw new InvalidOperationException($"the demo workspace has only {batch.Progress.Items} unlabeled questions; ask for fewer submits");
        return batch.Id;
    }

    private static void Check(bool ok)
    {
        if (!ok) throw new InvalidOperationException("could not create the benchmark user");
    }
}
