using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Startup;

using static PuoAiOps.Benchmarks.ScenarioSupport;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// <c>POST /api/v1/chat</c> under load: the console on Kestrel (Production, demo workspace seeded at start, no LLM),
/// an API key with a budget far above the load, and a closed-loop load generator on loopback: <c>--connections</c>
/// connections, each sending the next request as soon as its answer is read. Every request starts a new conversation
/// (stored with its turns and trace), cycling through <see cref="ChatLoadQuestions"/> (the six samples and
/// <c>--questions</c> distinct demo questions). The generator is an HttpClient in this process (<c>dotnet</c>, the
/// default) or <c>wrk</c> (<see cref="WrkLoadGenerator"/>). Reports requests/s over the measured window, errors (any
/// status but 200, or a failed request), latency percentiles and CPU per request.
/// Usage: chat-load [--seconds 20] [--warmup-seconds 5] [--connections 16] [--questions 400] [--generator dotnet|wrk] [--wrk-threads 1]
/// </summary>
internal static class ChatLoadScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var warmupSeconds = Option(args, "--warmup-seconds", 5);
        var connections = Option(args, "--connections", 16);
        var distinct = Option(args, "--questions", 400);
        var generator = Array.IndexOf(args, "--generator") is var g and >= 0 && g + 1 < args.Length ? args[g + 1] : "dotnet";
        if (generator is not ("dotnet" or "wrk")) throw new ArgumentException("--generator is dotnet or wrk");
        if (generator == "wrk" && !WrkLoadGenerator.Available()) throw new InvalidOperationException("wrk is not installed (apt-get install -y wrk)");
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {LoadAverage()}");

        var setup = Stopwatch.StartNew();
        await using var console = new ConsoleHost("Production", seedDemo: true);
        var baseUrl = console.Start();
        // The demo is written in the background once the console listens (the README's first start); wait for it.
        await console.Services.GetServices<IHostedService>().OfType<WorkspaceInitializer>().Single().ExecuteTask!;
        // As a deployment that has indexed its SOPs: the demo seeding stores the documents, the index is built here.
        await using (var scope = console.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReindexService>().ReindexAsync();
        var key = await CreateKeyAsync(console.Services);
        var questions = await ChatLoadQuestions.LoadAsync(console.Services, distinct);
        Console.WriteLine($"console with the demo workspace up in {setup.Elapsed.TotalSeconds:0} s at {baseUrl}; {questions.Rests.Count} distinct questions; generator {generator}");

        if (generator == "wrk") return await RunWrkAsync(console, baseUrl, key, questions, connections, Option(args, "--wrk-threads", 1), seconds, warmupSeconds);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        await RunLoadAsync(http, questions, connections, TimeSpan.FromSeconds(warmupSeconds));
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var windowStart = DateTime.UtcNow;
        var gc = new GcWindow();
        var result = await RunLoadAsync(http, questions, connections, TimeSpan.FromSeconds(seconds));
        self.Refresh();
        var cpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        result.Latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chat-load: {connections} connections, {seconds} s (after {warmupSeconds} s warm-up): {result.Latencies.Count + result.Errors:N0} requests, " +
            $"{result.Latencies.Count / result.Elapsed.TotalSeconds:0} requests/s, {result.Errors} errors{result.FirstError}; " +
            $"p50 {Percentile(result.Latencies, 0.50):F1} ms, p95 {Percentile(result.Latencies, 0.95):F1} ms, p99 {Percentile(result.Latencies, 0.99):F1} ms, " +
            $"max {result.Latencies[^1]:F1} ms; load average {LoadAverage()}"));
        // CPU of this process (server and load generator together) per answered request: unlike requests/s it
        // hardly depends on what else runs on the box, and 1000 ms × cores / it is the ceiling on a quiet one.
        var perRequest = cpuMs / Math.Max(1, result.Latencies.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu: {cpuMs / result.Elapsed.TotalMilliseconds:F2} cores busy in this process, {perRequest:F2} ms CPU per request " +
            $"(server + load generator; ceiling on an idle box {1000.0 * Environment.ProcessorCount / perRequest:0} requests/s)"));
        Console.WriteLine(gc.Report(result.Latencies.Count));
        await PrintAnswerTimesAsync(console.Services, windowStart);
        return result.Errors == 0 ? 0 : 1;
    }

    private static async Task<int> RunWrkAsync(ConsoleHost console, string baseUrl, string key, ChatLoadQuestions questions, int connections, int threads, int seconds, int warmupSeconds)
    {
        var work = Path.Combine(Path.GetTempPath(), "puo-chat-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            if (warmupSeconds > 0) await WrkLoadGenerator.RunAsync(baseUrl, key, questions, connections, threads, warmupSeconds, work);
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var windowStart = DateTime.UtcNow;
            var gc = new GcWindow();
            var r = await WrkLoadGenerator.RunAsync(baseUrl, key, questions, connections, threads, seconds, work);
            self.Refresh();
            var serverMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var ok = Math.Max(1, r.Requests - r.Errors);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"chat-load (wrk, {threads} thread(s)): {connections} connections, {seconds} s (after {warmupSeconds} s warm-up): {r.Requests:N0} requests, " +
                $"{(r.Requests - r.Errors) / r.Seconds:0} requests/s, {r.Errors} errors{r.ErrorDetail}; " +
                $"p50 {r.P50:F1} ms, p95 {r.P95:F1} ms, p99 {r.P99:F1} ms, max {r.Max:F1} ms; load average {LoadAverage()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cpu: server {serverMs / ok:F2} ms per request ({serverMs / (r.Seconds * 1000):F2} cores busy), wrk {r.CpuMs / ok:F2} ms per request, " +
                $"together {(serverMs + r.CpuMs) / ok:F2} ms (ceiling on an idle box {1000.0 * Environment.ProcessorCount * ok / (serverMs + r.CpuMs):0} requests/s)"));
            Console.WriteLine(gc.Report(ok));
            await PrintAnswerTimesAsync(console.Services, windowStart);
            return r.Errors == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record LoadResult(List<double> Latencies, int Errors, string FirstError, TimeSpan Elapsed);

    private static async Task<LoadResult> RunLoadAsync(HttpClient http, ChatLoadQuestions questions, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        var errors = 0;
        var firstError = "";
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref next);
                var body = questions.Body(n);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync("/api/v1/chat", content);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == HttpStatusCode.OK) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    else if (Interlocked.Increment(ref errors) == 1) firstError = $" (first: HTTP {(int)response.StatusCode})";
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    if (Interlocked.Increment(ref errors) == 1) firstError = $" (first: {ex.GetType().Name}: {ex.Message})";
                }
            }
        })));
        return new LoadResult(latencies.SelectMany(l => l).ToList(), errors, firstError, clock.Elapsed);
    }

    /// <summary>
    /// The server's side of the window: the time to answer (the bot turn's latency: redaction, conversation lookup,
    /// pipeline; not storing), so the rest of the end-to-end time is HTTP, authentication, queueing and the store.
    /// </summary>
    private static async Task PrintAnswerTimesAsync(IServiceProvider services, DateTime since)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var turns = await db.Turns.AsNoTracking().Where(t => t.Role == TurnRole.Bot && t.CreatedAt >= since && t.LatencyMs != null)
            .Select(t => new { t.LatencyMs, t.Source }).ToListAsync();
        var answer = turns.Select(t => (double)t.LatencyMs!.Value).Order().ToList();
        Console.WriteLine("answers by source: " + string.Join(", ", turns.GroupBy(t => t.Source).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}")));
        // The decisions' reasons without their numbers, most frequent first: shows what the traffic exercised.
        var reasons = await db.TurnTraces.AsNoTracking().Where(t => t.CreatedAt >= since).OrderBy(t => t.TurnId).Select(t => t.Json).Take(5000).ToListAsync();
        Console.WriteLine("top reasons: " + string.Join(" | ", reasons
            .Select(Reason)
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"[0-9.,%]+", "#"))
            .GroupBy(r => r).OrderByDescending(g => g.Count()).Take(6).Select(g => $"{g.Count():N0}× {g.Key}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"answer time (bot turns stored in the window, whole ms): n {answer.Count:N0}, p50 {Percentile(answer, 0.50):0} ms, p95 {Percentile(answer, 0.95):0} ms, p99 {Percentile(answer, 0.99):0} ms"));
    }

    private static string Reason(string traceJson)
    {
        using var trace = System.Text.Json.JsonDocument.Parse(traceJson);
        return trace.RootElement.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : "";
    }

    /// <summary>A bot API key whose budget is far above what two cores can serve, so the limiter never answers 429.</summary>
    private static async Task<string> CreateKeyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var actor = new Actor(null, "benchmark", new HashSet<string>(StringComparer.Ordinal) { Roles.Admin });
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(actor, "load benchmark", Roles.Viewer, ApiKeyService.MaxRequestsPerMinute);
        return created.Created?.Secret ?? throw new InvalidOperationException($"could not create the API key: {created.Error}");
    }
}
