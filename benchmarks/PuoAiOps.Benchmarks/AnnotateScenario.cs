using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- annotate [--questions N] [--annotators N] [--seconds N] [--think-ms N] [--warmup-seconds N]`
/// Seeds a temp SQLite workspace (questions, intents, annotators, one batch over every unlabeled question
/// plus 5 % gold), then runs concurrent annotators doing SubmitAndNext in a loop, each call with a fresh
/// DbContext as a web request would have, and reports the server-side latency percentiles.
/// </summary>
internal static class AnnotateScenario
{
    private static readonly string[] QuestionParameters = ["$text", "$hash", "$at", "$predicted", "$confidence", "$final", "$source"];

    public static async Task<int> RunAsync(string[] args)
    {
        var questions = Arg(args, "--questions", 100_000);
        var annotators = Arg(args, "--annotators", 10);
        var seconds = Arg(args, "--seconds", 30);
        // 0 = every annotator submits again the moment the previous call returns (saturation);
        // people need seconds per question, so a pause per item models a real team.
        var thinkMs = Arg(args, "--think-ms", 0);
        // Not measured: lets tiered JIT reach its optimised code, as in a server that has been up a while.
        var warmUpSeconds = Arg(args, "--warmup-seconds", 15);
        var dir = Path.Combine(Path.GetTempPath(), "puo-bench-annotate-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new DatabaseOptions { DataDir = dir };
        try
        {
            var seedClock = Stopwatch.StartNew();
            var (users, intents) = await SeedAsync(options, questions, annotators);
            Console.WriteLine($"seeded {questions:N0} questions, {intents.Count} intents, {users.Count} annotators in {seedClock.Elapsed.TotalSeconds:F1} s");

            var batchClock = Stopwatch.StartNew();
            BatchSummary batch;
            await using (var db = DbContextConfigurator.Create(options))
                batch = await new BatchService(db, TimeProvider.System, NullLogger<BatchService>.Instance).CreateAsync(new CreateBatchRequest
                {
                    Name = "benchmark", LabelsPerItem = 2, GoldShare = 0.05, AnnotatorIds = users, Order = BatchOrder.MostUncertainFirst,
                    ShowSuggestions = true,
                }, null);
            Console.WriteLine($"batch of {batch.Progress.Items:N0} items ({batch.Progress.GoldItems:N0} gold) created in {batchClock.Elapsed.TotalSeconds:F1} s");

            var (latencies, cpu) = await RunAnnotatorsAsync(options, batch.Id, users, intents,
                TimeSpan.FromSeconds(warmUpSeconds), TimeSpan.FromSeconds(seconds), thinkMs);
            Report(latencies, annotators, seconds, questions, cpu, thinkMs);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(ConcurrentBag<double> Latencies, TimeSpan Cpu)> RunAnnotatorsAsync(DatabaseOptions options, long batchId,
        List<string> users, List<int> intents, TimeSpan warmUp, TimeSpan duration, int thinkMs)
    {
        var latencies = new ConcurrentBag<double>();
        var conflicts = 0;
        var leaseOptions = Options.Create(new AnnotationOptions());
        QueueService Queue(PuoDbContext db) => new(db, leaseOptions, TimeProvider.System, NullLogger<QueueService>.Instance);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpuAtStart = Task.Delay(warmUp).ContinueWith(_ => Environment.CpuUsage.TotalTime, TaskScheduler.Default);

        await Task.WhenAll(users.Select((user, n) => Task.Run(async () =>
        {
            var random = new Random(n);
            QueueItem? item;
            await using (var db = DbContextConfigurator.Create(options))
                item = await Queue(db).NextAsync(batchId, user);
            while (item is not null && Stopwatch.GetTimestamp() < stopAt)
            {
                // Mostly the "true" intent of the question, sometimes another: a realistic mix of consensus and disagreement.
                var intent = random.NextDouble() < 0.8 ? intents[(int)(item.QuestionId % intents.Count)] : intents[random.Next(intents.Count)];
                if (thinkMs > 0) await Task.Delay(random.Next(thinkMs / 2, thinkMs * 3 / 2 + 1));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await using var db = DbContextConfigurator.Create(options);
                    item = (await Queue(db).SubmitAndNextAsync(item.ItemId, user, LabelInput.ForIntent(intent, 3000))).Next;
                }
                catch (AnnotationException ex) when (ex.Error == AnnotationError.Conflict)
                {
                    Interlocked.Increment(ref conflicts);
                    await using var db = DbContextConfigurator.Create(options);
                    item = await Queue(db).NextAsync(batchId, user);
                }
                if (started >= measureFrom) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }))).ConfigureAwait(false);
        var cpu = Environment.CpuUsage.TotalTime - await cpuAtStart;
        Console.WriteLine($"conflicts: {conflicts}");
        return (latencies, cpu);
    }

    private static void Report(ConcurrentBag<double> latencies, int annotators, int seconds, int questions, TimeSpan cpu, int thinkMs)
    {
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"SubmitAndNext, {annotators} concurrent annotators, think time {thinkMs} ms, {questions:N0} questions, {seconds} s: {sorted.Length:N0} calls measured ({sorted.Length / (double)seconds:F0}/s)");
        // CPU per call does not depend on what else the machine is doing; wall-clock latency does.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process CPU per call: {cpu.TotalMilliseconds / Math.Max(1, sorted.Length):F2} ms; load average at end: {LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency ms: p50 {P(0.50):F2}  p95 {P(0.95):F2}  p99 {P(0.99):F2}  max {(sorted.Length == 0 ? double.NaN : sorted[^1]):F2}"));
    }

    /// <summary>Raw inserts in one transaction: seeding 100k rows through the change tracker would dominate the run.</summary>
    private static async Task<(List<string> Users, List<int> Intents)> SeedAsync(DatabaseOptions options, int questions, int annotators)
    {
        await using var db = DbContextConfigurator.Create(options);
        await new SchemaMigrator(db).MigrateAsync();
        var domain = new IntentDomain { Key = "bench", Names = new() { ["en"] = "Benchmark" } };
        var intents = Enumerable.Range(1, 20).Select(i => new Intent { Key = $"intent_{i:D2}", Domain = domain, Names = new() { ["en"] = $"Intent {i}" } }).ToList();
        var users = Enumerable.Range(1, annotators).Select(i => new AppUser { Id = $"annotator-{i:D2}", UserName = $"annotator{i}", DisplayName = $"Annotator {i}" }).ToList();
        db.Intents.AddRange(intents);
        db.Users.AddRange(users);
        await db.SaveChangesAsync();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO "Questions" ("Text", "TextHash", "Source", "Locale", "Channel", "CreatedAt", "ImportedAt", "PredictedIntentId", "PredictedConfidence", "FinalIntentId", "FinalOutOfScope", "FinalLabelSource", "IsDemo")
            VALUES ($text, $hash, 'chat', 'en', 'app', $at, $at, $predicted, $confidence, $final, 0, $source, 0)
            """;
        var p = QuestionParameters.ToDictionary(n => n, n => Add(insert, n));
        var random = new Random(7);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < questions; i++)
        {
            var intent = intents[i % intents.Count].Id;
            var labeled = i % 20 == 0; // 5 % already labeled: the gold pool
            p["$text"].Value = $"how do I fix problem {i} with my recharge, order {random.Next():X8}";
            p["$hash"].Value = i.ToString("X16", CultureInfo.InvariantCulture);
            p["$at"].Value = start.AddSeconds(i * 30);
            p["$predicted"].Value = intent;
            p["$confidence"].Value = random.NextDouble();
            p["$final"].Value = labeled ? intent : DBNull.Value;
            p["$source"].Value = labeled ? FinalLabelSources.Consensus : DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        await db.Database.CloseConnectionAsync();
        return (users.Select(u => u.Id).ToList(), intents.Select(i => i.Id).ToList());
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
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
