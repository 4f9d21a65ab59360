using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Questions;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- search [--questions N] [--rounds N] [--parallel N] [--work DIR] [--keep DIR] [--lagging]`
/// The question list's search (`/questions?q=`): seeds the demo workspace into a fresh SQLite file, imports generated
/// questions up to N through the normal import path, then runs a fixed mix of English, Chinese and punctuation queries
/// through <see cref="QuestionBrowser.ListAsync"/> (first page of 50, with the total), each call with a fresh DbContext as
/// a web request would have. Reports latency percentiles per query kind, first one caller at a time, then N in parallel.
/// <c>--keep DIR</c> keeps the seeded workspace in DIR and reuses it on the next run (seeding a million questions takes
/// minutes; the queries are what is being measured). The imported questions are indexed for search after the import, as
/// `puo import questions` does; <c>--lagging</c> skips that, measuring searches while every imported row waits (scanned).
/// </summary>
internal static class SearchScenario
{
    // Words people type: long and short, English and Chinese, common and rare, and one that matches nothing.
    private static readonly string[] LongQueries =
    [
        "rocket", "balance", "withdraw", "buffering", "log in", "membership", "auto-renew", "recharge", "PK battle",
        "没有到账", "自动续费", "金币但是", "提现到银行卡", "华为 Mate", "error #", "q-123", "zzqx-none",
    ];

    private static readonly string[] ShortQueries = ["充值", "主播", "礼物", "pk", "卡", "id"];

    public static async Task<int> RunAsync(string[] args)
    {
        var questions = Arg(args, "--questions", 3_000);
        var rounds = Arg(args, "--rounds", 20);
        var parallel = Arg(args, "--parallel", 10);
        var work = ArgText(args, "--work") ?? Path.Combine(Path.GetTempPath(), "puo-bench-search");
        Directory.CreateDirectory(work);
        var keep = ArgText(args, "--keep");
        var dir = keep ?? Path.Combine(work, "workspace-" + Environment.ProcessId);
        var options = new DatabaseOptions { DataDir = dir };
        try
        {
            var seedClock = Stopwatch.StartNew();
            var reused = keep is not null && File.Exists(options.SqliteFilePath);
            var total = reused ? await CountAsync(options) : await SeedAsync(options, questions, work, args.Contains("--lagging"));
            Console.WriteLine(reused
                ? $"reused the workspace in {dir}: {total:N0} questions"
                : $"seeded {total:N0} questions in {seedClock.Elapsed.TotalSeconds:F1} s");

            if (args.Contains("--sql")) await PrintSqlAsync(options, "membership");

            // Warm-up: every query once (JIT, page cache), not measured.
            foreach (var q in LongQueries.Concat(ShortQueries)) await SearchAsync(options, q);

            Console.WriteLine($"machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            foreach (var (kind, queries) in new[] { ("3+ characters", LongQueries), ("1-2 characters", ShortQueries) })
            {
                var one = await MeasureAsync(options, queries, rounds, 1);
                Report($"{kind}, one caller", one);
                var many = await MeasureAsync(options, queries, Math.Max(1, rounds / 2), parallel);
                Report($"{kind}, {parallel} callers in parallel", many);
            }
            foreach (var q in LongQueries.Concat(ShortQueries))
                Console.WriteLine($"  '{q}': {(await SearchAsync(options, q)).Total:N0} matches");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>`--sql`: the statements one search sends, with their time, to see where a search spends it.</summary>
    private static async Task PrintSqlAsync(DatabaseOptions options, string q)
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PuoDbContext>();
        DbContextConfigurator.Configure(builder, options);
        builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
        for (var i = 0; i < 2; i++)
        {
            await using var db = new PuoDbContext(builder.Options);
            await new QuestionBrowser(db).ListAsync(new QuestionQuery(Search: q));
        }
    }

    private static async Task<QuestionPage> SearchAsync(DatabaseOptions options, string q)
    {
        await using var db = DbContextConfigurator.Create(options);
        return await new QuestionBrowser(db).ListAsync(new QuestionQuery(Search: q));
    }

    private static async Task<(double[] Sorted, TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(DatabaseOptions options, string[] queries, int rounds, int callers)
    {
        var latencies = new ConcurrentBag<double>();
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            for (var r = 0; r < rounds; r++)
                foreach (var q in queries.Skip(c % queries.Length).Concat(queries.Take(c % queries.Length)))
                {
                    var started = Stopwatch.GetTimestamp();
                    await SearchAsync(options, q);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
        })));
        return (latencies.Order().ToArray(), wall.Elapsed, Environment.CpuUsage.TotalTime - cpu);
    }

    private static void Report(string what, (double[] Sorted, TimeSpan Wall, TimeSpan Cpu) run)
    {
        var sorted = run.Sorted;
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {sorted.Length:N0} searches, {sorted.Length / run.Wall.TotalSeconds:F0}/s, CPU per search {run.Cpu.TotalMilliseconds / sorted.Length:F2} ms; " +
            $"ms p50 {P(0.50):F2}  p95 {P(0.95):F2}  p99 {P(0.99):F2}  max {sorted[^1]:F2}; load average {LoadAverage()}"));
    }

    /// <summary>A kept workspace: brought up to the current schema (timed, as an upgrade would be), then counted.</summary>
    private static async Task<int> CountAsync(DatabaseOptions options)
    {
        await using var db = DbContextConfigurator.Create(options);
        var clock = Stopwatch.StartNew();
        var applied = await new SchemaMigrator(db).MigrateAsync();
        if (applied.Count > 0) Console.WriteLine($"applied {string.Join(", ", applied)} in {clock.Elapsed.TotalSeconds:F1} s");
        return db.Questions.Count();
    }

    /// <summary>The demo workspace (about 3,000 questions), topped up with generated questions through the import service.</summary>
    private static async Task<int> SeedAsync(DatabaseOptions options, int questions, string work, bool lagging)
    {
        await using (var db = DbContextConfigurator.Create(options))
        {
            await new SchemaMigrator(db).MigrateAsync();
            await new DemoWorkspace(db).SeedAsync();
        }
        await using var session = DbContextConfigurator.Create(options);
        var present = session.Questions.Count();
        var extra = questions - present;
        if (extra <= 0) return present;
        var file = Path.Combine(work, $"questions-{extra}-{ImportFileGenerator.Seed}.csv");
        if (!File.Exists(file))
        {
            ImportFileGenerator.Write(file + ".tmp", extra);
            File.Move(file + ".tmp", file, overwrite: true);
        }
        var import = new ImportOptions { MaxRows = 0, MaxFileBytes = 4L << 30 };
        var result = await new QuestionImportService(session, new PiiPatternStore(session), Options.Create(import), new PuoAiOps.Application.Secrets.WorkspaceSecrets(new PuoAiOps.Application.Secrets.SecretsOptions(), Path.GetDirectoryName(file)!)).ImportFileAsync(file);
        Console.WriteLine($"imported {result.Imported:N0} questions in {result.Elapsed.TotalSeconds:F1} s");
        // As `puo import questions` does after storing the rows; --lagging measures the searches before it (the new rows scanned).
        if (!lagging)
        {
            var indexed = await new QuestionSearchCatchUp(session, Options.Create(import)).RunAsync();
            Console.WriteLine($"indexed {indexed.Indexed:N0} questions for search in {indexed.Elapsed.TotalSeconds:F1} s");
        }
        return present + (int)result.Imported;
    }

    private static int Arg(string[] args, string name, int fallback) =>
        ArgText(args, name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    private static string? ArgText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "n/a"; }
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                   ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
