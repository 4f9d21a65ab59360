using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Benchmarks.Metrics;

/// <summary>
/// `metrics [--conversations 1000000] [--runs 30] [--work DIR] [--keep] [--verbose]`: seeds N conversations and 5N
/// turns over 90 days into a fresh SQLite workspace, builds the rollups once, then times the dashboard
/// overview (last 7 days; p50/p95 over --runs calls after warm-up; cold, with its figures cache emptied
/// before each call, and cached) and the daily report (rollup
/// update + figures + store), the server-side work only (no HTTP, no rendering). `--verbose` adds each
/// step of the cold overview (percentiles of its own time: the per-intent day rows, the reuse counts, the merge).
/// </summary>
internal static class MetricsScenario
{
    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = int.Parse(Arg(args, "--conversations") ?? "1000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Arg(args, "--runs") ?? "30", CultureInfo.InvariantCulture);
        var work = Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), "puo-bench-metrics");
        var dataDir = Path.Combine(work, $"workspace-{conversations}");
        var now = new DateTime(2026, 12, 6, 6, 0, 0, DateTimeKind.Utc);
        var database = new DatabaseOptions { DataDir = dataDir };

        var seeded = File.Exists(database.SqliteFilePath);
        Directory.CreateDirectory(dataDir);
        // A kept workspace gets any newer migrations (and the rollup job rebuilds what they need).
        await using (var setup = DbContextConfigurator.Create(database)) await new SchemaMigrator(setup).MigrateAsync();
        if (!seeded)
        {
            var seed = Stopwatch.StartNew();
            await TrafficSeeder.SeedAsync(database.SqliteFilePath, conversations, now);
            Console.WriteLine($"seeded {conversations:N0} conversations, {conversations * 5L:N0} turns in {seed.Elapsed.TotalSeconds:F1} s ({new FileInfo(database.SqliteFilePath).Length / 1e6:F0} MB)");
        }

        var verbose = args.Contains("--verbose");
        var readTimes = new ReadTimes();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Warning);
            if (!verbose) return;
            b.AddProvider(readTimes);
            b.AddFilter<ReadTimes>(typeof(MetricsQueryService).FullName, LogLevel.Debug);
        });
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, database));
        services.AddSingleton<TimeProvider>(new FrozenClock(now));
        services.AddMetricsServices();
        await using var provider = services.BuildServiceProvider();

        var build = Stopwatch.StartNew();
        RollupBuildResult built;
        await using (var scope = provider.CreateAsyncScope())
            built = await scope.ServiceProvider.GetRequiredService<RollupBuilder>().BuildAsync();
        Console.WriteLine($"rollups: {(built.Full ? "full" : "incremental")} build of {built.Days} days, {built.Rows:N0} rows in {build.Elapsed.TotalSeconds:F1} s");

        // Cold: the figures cache emptied before every call, as the first view after each rollup run sees it.
        var cache = provider.GetRequiredService<OverviewCache>();
        var overview = await TimeAsync(provider, runs, async sp =>
        {
            cache.Clear();
            var queries = sp.GetRequiredService<MetricsQueryService>();
            await queries.OverviewAsync(queries.DefaultFilter());
        });
        Console.WriteLine($"overview cold (7 days + previous 7, 28-day trend, reuse, breakdown, alerts): {Summary(overview)}");
        PrintReads(readTimes, verbose);

        var cached = await TimeAsync(provider, runs, async sp =>
        {
            var queries = sp.GetRequiredService<MetricsQueryService>();
            await queries.OverviewAsync(queries.DefaultFilter());
        });
        Console.WriteLine($"overview cached (same filter, rollups unchanged since): {Summary(cached)}");

        readTimes.Clear();
        var filtered = await TimeAsync(provider, runs, async sp =>
        {
            cache.Clear();
            var queries = sp.GetRequiredService<MetricsQueryService>();
            await queries.OverviewAsync(queries.DefaultFilter() with { Locale = "en", Channel = "app" });
        });
        Console.WriteLine($"overview filtered cold (locale en, channel app): {Summary(filtered)}");
        PrintReads(readTimes, verbose);

        var update = await TimeAsync(provider, Math.Max(3, runs / 6), sp => sp.GetRequiredService<RollupBuilder>().BuildAsync());
        Console.WriteLine($"incremental rollup update alone (no new traffic; today and yesterday): {Summary(update)}");

        var yesterday = DateOnly.FromDateTime(now).AddDays(-1);
        var report = await TimeAsync(provider, Math.Max(3, runs / 6), sp => sp.GetRequiredService<ReportService>().GenerateDailyAsync(yesterday, "bench"));
        Console.WriteLine($"daily report (incremental rollup update + figures + store): {Summary(report)}");

        if (!args.Contains("--keep")) Directory.Delete(dataDir, recursive: true);
        return 0;
    }

    private static async Task<List<double>> TimeAsync(ServiceProvider provider, int runs, Func<IServiceProvider, Task> work)
    {
        for (var i = 0; i < 2; i++)
        {
            await using var warm = provider.CreateAsyncScope();
            await work(warm.ServiceProvider);
        }
        var times = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            await work(scope.ServiceProvider);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        // The process's CPU per call beside the wall clock: on a shared box the two differ by the wait for a core.
        var perCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        Console.WriteLine($"  (CPU {perCall:F0} ms per call, load average {LoadAverage()})");
        return times;
    }

    /// <summary>The reads of the timed calls (and of the two warm-up calls: a couple of extra samples per read).</summary>
    private static void PrintReads(ReadTimes readTimes, bool verbose)
    {
        if (!verbose) return;
        foreach (var (read, times) in readTimes.ByRead().OrderBy(r => r.Key, StringComparer.Ordinal))
            Console.WriteLine($"  read {read}: {Summary(times)}");
        readTimes.Clear();
    }

    private static string Summary(List<double> times)
    {
        var sorted = times.Order().ToList();
        double P(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
        return $"n={sorted.Count}, p50 {P(50):F0} ms, p95 {P(95):F0} ms, max {sorted[^1]:F0} ms";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
