using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// The offline answer in process (no LLM): the demo workspace seeded in a temporary SQLite database,
/// its classifier trained, then the sample questions (script, SOP and handoff, English and Chinese)
/// answered through <see cref="ChatService"/> (pipeline + storing turns and trace) and through
/// <see cref="BotPipeline"/> alone. <c>--chunks N</c> first adds N synthetic SOP chunks (see <see cref="BotCorpus"/>).
/// Usage: bot [--answers 600] [--chunks 50000]
/// </summary>
internal static class BotScenario
{
    private static readonly (string Question, string Locale)[] Samples =
    [
        ("I can't log in on my iPhone, it says network error", "en"),
        ("登录的时候一直提示账号不存在，可是我昨天还能登", "zh-CN"),
        ("my son spent 50 dollars on gifts without my permission, can I get a refund for a minor", "en"),
        ("孩子偷偷充值了怎么退款，未成年人充值退款", "zh-CN"),
        ("what's the weather going to be like in Paris tomorrow", "en"),
        ("明天巴黎天气怎么样", "zh-CN"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var answers = Array.IndexOf(args, "--answers") is var a and >= 0 && a + 1 < args.Length && int.TryParse(args[a + 1], CultureInfo.InvariantCulture, out var n) ? n : 600;
        var extraChunks = Array.IndexOf(args, "--chunks") is var c and >= 0 && c + 1 < args.Length && int.TryParse(args[c + 1], CultureInfo.InvariantCulture, out var k) ? k : 0;
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {Load()}");
        var dir = Path.Combine(Path.GetTempPath(), "puo-bot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var database = new DatabaseOptions { DataDir = dir };
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOptions();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(database));
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, database));
        services.AddClassificationServices();
        services.AddKnowledgeServices(o => o.IndexDir = Path.Combine(dir, "index"));
        services.AddVectorSearchServices();
        services.AddScriptsServices();
        services.AddBotServices();
        await using var provider = services.BuildServiceProvider();
        var setup = Stopwatch.StartNew();
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            await new SchemaMigrator(db).MigrateAsync();
            await new DemoWorkspace(db).SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoModels>().EnsureAsync();
            await scope.ServiceProvider.GetRequiredService<ReindexService>().ReindexAsync();
        }
        Console.WriteLine($"demo workspace seeded, trained and indexed in {setup.Elapsed.TotalSeconds:0} s");
        if (extraChunks > 0) await BotCorpus.SeedAsync(provider, extraChunks);
        var context = new Dictionary<string, string> { ["user_name"] = "Sam", ["app_version"] = "8.4" };

        // Warm-up: loads the classifier, JITs the pipeline.
        for (var i = 0; i < Samples.Length * 3; i++) await ChatAsync(provider, Samples[i % Samples.Length], context);

        var chat = new List<double>(answers);
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < answers; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await ChatAsync(provider, Samples[i % Samples.Length], context);
            chat.Add(clock.Elapsed.TotalMilliseconds);
            sources[result.Response.Source.Type] = sources.GetValueOrDefault(result.Response.Source.Type) + 1;
        }
        var pipeline = new List<double>(answers);
        // Where an answer's time goes: each stage of the trace, so a slow part shows by name.
        var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < answers; i++)
        {
            var (question, locale) = Samples[i % Samples.Length];
            await using var scope = provider.CreateAsyncScope();
            var run = scope.ServiceProvider.GetRequiredService<BotPipeline>();
            var clock = Stopwatch.StartNew();
            var decision = await run.RunAsync(new BotInput(question, locale, "app", context, []), CancellationToken.None);
            pipeline.Add(clock.Elapsed.TotalMilliseconds);
            foreach (var stage in decision.Trace.Stages)
            {
                if (!stages.TryGetValue(stage.Name, out var list)) stages[stage.Name] = list = [];
                list.Add(stage.Ms);
            }
        }
        Console.WriteLine($"answers by source: {string.Join(", ", sources.Select(s => $"{s.Key} {s.Value}"))}");
        Report("ChatService.ChatAsync (pipeline + store turns, trace, escalation)", chat);
        Report("BotPipeline.RunAsync (answer only)", pipeline);
        foreach (var (name, ms) in stages.OrderByDescending(s => s.Value.Sum()))
            Report($"  stage {name} (total {ms.Sum():0} ms)", ms);
        Console.WriteLine($"load average at the end {Load()}");
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        return 0;
    }

    private static async Task<ChatResult> ChatAsync(IServiceProvider provider, (string Question, string Locale) sample, Dictionary<string, string> context)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChatService>().ChatAsync(new ChatRequest(null, "bench", sample.Question, sample.Locale, "app", context) { IsTest = true });
    }

    private static void Report(string name, List<double> ms)
    {
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine($"{name}: n={ms.Count} p50 {P(0.5):0.00} ms, p95 {P(0.95):0.00} ms, p99 {P(0.99):0.00} ms, max {ms[^1]:0.00} ms");
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
