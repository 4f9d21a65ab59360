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
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Startup;

using static PuoAiOps.Benchmarks.ScenarioSupport;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// <c>POST /api/v1/chat</c> under load: the console on Kestrel (Production, demo workspace seeded at start, no LLM),
/// an API key with a budget far above the load, and a closed-loop load generator in this process on loopback:
/// <c>--connections</c> workers, each sending the next request as soon as its answer is read. Every request starts
/// a new conversation (stored with its turns and trace), cycling through the demo's sample questions (script,
/// SOP and handoff answers, English and Chinese). Reports requests/s over the measured window, errors (any
/// status but 200, or a failed request) and latency percentiles.
/// Usage: chat-load [--seconds 20] [--warmup-seconds 5] [--connections 16]
/// </summary>
internal static class ChatLoadScenario
{
    private static readonly string[] Bodies =
    [
        """{"user_id":"u{0}","message":"I can't log in on my iPhone, it says network error","locale":"en","channel":"app"}""",
        """{"user_id":"u{0}","message":"登录的时候一直提示账号不存在，可是我昨天还能登","locale":"zh-CN","channel":"app"}""",
        """{"user_id":"u{0}","message":"my son spent 50 dollars on gifts without my permission, can I get a refund for a minor","locale":"en","channel":"web"}""",
        """{"user_id":"u{0}","message":"孩子偷偷充值了怎么退款，未成年人充值退款","locale":"zh-CN","channel":"app"}""",
        """{"user_id":"u{0}","message":"what's the weather going to be like in Paris tomorrow","locale":"en","channel":"app"}""",
        """{"user_id":"u{0}","message":"明天巴黎天气怎么样","locale":"zh-CN","channel":"web"}""",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var warmupSeconds = Option(args, "--warmup-seconds", 5);
        var connections = Option(args, "--connections", 16);
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {LoadAverage()}");

        var setup = Stopwatch.StartNew();
        await using var console = new ConsoleHost("Production", seedDemo: true);
        var baseUrl = console.Start();
        // The demo is written in the background once the console listens (the README's first start); wait for it.
        await console.Services.GetServices<IHostedService>().OfType<WorkspaceInitializer>().Single().ExecuteTask!;
        var key = await CreateKeyAsync(console.Services);
        Console.WriteLine($"console with the demo workspace up in {setup.Elapsed.TotalSeconds:0} s at {baseUrl}");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        await RunLoadAsync(http, connections, TimeSpan.FromSeconds(warmupSeconds));
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var windowStart = DateTime.UtcNow;
        var result = await RunLoadAsync(http, connections, TimeSpan.FromSeconds(seconds));
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
        await PrintAnswerTimesAsync(console.Services, windowStart);
        return result.Errors == 0 ? 0 : 1;
    }

    private sealed record LoadResult(List<double> Latencies, int Errors, string FirstError, TimeSpan Elapsed);

    private static async Task<LoadResult> RunLoadAsync(HttpClient http, int connections, TimeSpan duration)
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
                var body = Bodies[n % Bodies.Length].Replace("{0}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
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
        var answer = (await db.Turns.AsNoTracking().Where(t => t.Role == TurnRole.Bot && t.CreatedAt >= since && t.LatencyMs != null)
            .Select(t => (double)t.LatencyMs!.Value).ToListAsync()).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"answer time (bot turns stored in the window, whole ms): n {answer.Count:N0}, p50 {Percentile(answer, 0.50):0} ms, p95 {Percentile(answer, 0.95):0} ms, p99 {Percentile(answer, 0.99):0} ms"));
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
