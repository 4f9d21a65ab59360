using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// End-to-end import measurement: `import --rows 1000000 [--batch-size N] [--sqlite-cache-mb N] [--work DIR] [--parse-only] [--keep] [--verbose] [--schema-sql SQL] [--postgres CS]`.
/// Generates the file once (fixed seed), imports it into a fresh SQLite workspace and prints rows/s,
/// counts and the process's peak working set; then, on SQLite, the search catch-up that indexes the stored rows (as
/// `puo import questions` runs it after the import; --index-later leaves it out), with the combined rate. --parse-only measures reading + redaction without a database;
/// --postgres "Host=…;Username=…;Password=…" imports into a fresh PostgreSQL database instead (dropped afterwards).
/// </summary>
internal static class ImportScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Arg(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var defaults = new ImportOptions();
        var batchSize = int.Parse(Arg(args, "--batch-size") ?? defaults.BatchSize.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var cacheMb = int.Parse(Arg(args, "--sqlite-cache-mb") ?? defaults.SqliteCacheMegabytes.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var work = Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), "puo-bench-import");
        Directory.CreateDirectory(work);

        var file = Path.Combine(work, $"questions-{rows}-{ImportFileGenerator.Seed}.csv");
        if (!File.Exists(file))
        {
            var generate = Stopwatch.StartNew();
            ImportFileGenerator.Write(file + ".tmp", rows);
            File.Move(file + ".tmp", file, overwrite: true);
            Console.WriteLine($"generated {file} ({new FileInfo(file).Length / 1e6:F1} MB) in {generate.Elapsed.TotalSeconds:F1} s");
        }
        var options = new ImportOptions { BatchSize = batchSize, SqliteCacheMegabytes = cacheMb, MaxRows = 0, MaxFileBytes = 4L << 30 };
        Console.WriteLine($"batch size {batchSize:N0}, SQLite cache {cacheMb} MB");
        if (args.Contains("--parse-only")) return await ParseOnlyAsync(file, options, rows);

        var dataDir = Path.Combine(work, "workspace-" + Environment.ProcessId);
        if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
        var postgres = Arg(args, "--postgres");
        var database = postgres is null
            ? new DatabaseOptions { DataDir = dataDir }
            : await PostgresDatabase.CreateAsync(postgres);
        await using (var setup = DbContextConfigurator.Create(database))
        {
            await new SchemaMigrator(setup).MigrateAsync();
            // Experiments only: change the migrated schema (drop an index or a trigger) to see what it costs the import.
            if (Arg(args, "--schema-sql") is { } sql) await setup.Database.ExecuteSqlRawAsync(sql);
        }

        await using var db = DbContextConfigurator.Create(database);
        var service = new QuestionImportService(db, new PiiPatternStore(db), Options.Create(options), new PuoAiOps.Application.Secrets.WorkspaceSecrets(new PuoAiOps.Application.Secrets.SecretsOptions(), dataDir),
            args.Contains("--verbose") ? new ConsoleLineLogger<QuestionImportService>(LogLevel.Debug) : null);
        var ioBefore = ProcessIo.Now();
        var clock = Stopwatch.StartNew();
        var result = await service.ImportFileAsync(file);
        clock.Stop();
        Report(postgres is null ? "import (parse + redact + SQLite)" : "import (parse + redact + PostgreSQL)", rows, clock.Elapsed);
        Console.WriteLine($"imported {result.Imported:N0}, duplicates {result.Duplicates:N0}, rejected {result.Rejected:N0}; redacted " +
                          string.Join(", ", result.Redacted.Select(kv => $"{kv.Key} {kv.Value:N0}")));
        PrintStages(result.Stages, ProcessIo.Now() - ioBefore);
        if (postgres is null && !args.Contains("--index-later"))
        {
            // What `puo import questions` does next: index the stored rows for search (searches scan them until then).
            var indexed = await new QuestionSearchCatchUp(db, Options.Create(options)).RunAsync();
            Report($"search catch-up ({indexed.Indexed:N0} questions indexed in {indexed.Elapsed.TotalSeconds:F2} s); import + catch-up", rows, clock.Elapsed + indexed.Elapsed);
        }
        if (postgres is not null)
        {
            await PostgresDatabase.DropAsync(postgres, database);
            return 0;
        }
        Console.WriteLine($"database {new FileInfo(database.SqliteFilePath).Length / 1e6:F1} MB (+WAL {WalSize(database) / 1e6:F1} MB)");
        SqliteConnection.ClearAllPools();
        if (!args.Contains("--keep")) Directory.Delete(dataDir, recursive: true);
        return 0;
    }

    /// <summary>The preparing stage alone, doing what the import does per row (read, redact every text field, pseudonymise, hash).</summary>
    private static async Task<int> ParseOnlyAsync(string file, ImportOptions options, int rows)
    {
        var clock = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        using var reader = await QuestionFileReader.OpenAsync(stream, file, options.ToParserOptions());
        var redactor = PiiRedactor.Default;
        var pseudonyms = new UserPseudonymizer(new byte[32]);
        var tally = new RedactionTally(redactor);
        long accepted = 0;
        while (await reader.ReadAsync() is { } row)
        {
            if (row.IsRejected) continue;
            var record = row.Record!;
            var text = redactor.Redact(record.Text);
            if (text.Changed) tally.Add(text);
            foreach (var field in new[] { record.ExternalId, record.Channel, record.Locale, record.Source })
                if (field is not null) redactor.Redact(field);
            _ = pseudonyms.Pseudonymize(record.UserId);
            _ = PuoAiOps.Core.Text.TextNormalizer.Hash(text.Text);
            accepted++;
        }
        Report("prepare only: parse + redact + pseudonymise + hash (no database)", rows, clock.Elapsed);
        Console.WriteLine($"accepted {accepted:N0}; redacted {string.Join(", ", tally.ToDictionary().Select(kv => $"{kv.Key} {kv.Value:N0}"))}");
        return 0;
    }

    private static void Report(string what, int rows, TimeSpan elapsed)
    {
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"{what}: {rows:N0} rows in {elapsed.TotalSeconds:F2} s = {rows / elapsed.TotalSeconds:N0} rows/s " +
                          $"(process CPU {self.TotalProcessorTime.TotalSeconds:F2} s; machine load average {LoadAverage()})");
        Console.WriteLine($"peak working set {self.PeakWorkingSet64 / 1e6:F0} MB, GC heap now {GC.GetTotalMemory(false) / 1e6:F0} MB, " +
                          $"allocated {GC.GetTotalAllocatedBytes() / 1e9:F1} GB, GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s, " +
                          $"collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {Environment.ProcessorCount} cores");
    }

    /// <summary>The writer's stages (wall / CPU of its thread), the waits between the two stages, and the bytes the process wrote and read.</summary>
    private static void PrintStages(ImportStageTimes stages, ProcessIo io)
    {
        static string Stage(ImportStage s) => $"{s.Wall.TotalSeconds:F2} s ({(s.Cpu is { } cpu ? $"{cpu.TotalSeconds:F2} s CPU" : "CPU n/a")})";
        Console.WriteLine($"writer, {stages.Batches} batches: insert {Stage(stages.Insert)}, commit {Stage(stages.Commit)}, checkpoint {Stage(stages.Checkpoint)}; " +
                          $"waited for batches {stages.WriterWaited.TotalSeconds:F2} s; preparing stage waited for the writer {stages.PreparerWaited.TotalSeconds:F2} s");
        Console.WriteLine($"SQLite pages written {stages.PagesWritten:N0}, read {stages.PagesRead:N0}, cache spills {stages.CacheSpills:N0}; " +
                          $"process wrote {io.Written / 1e9:F2} GB, read {io.Read / 1e9:F2} GB (syscalls, incl. the page cache)");
    }

    /// <summary>The 1-minute load average on Linux: other work on the machine skews wall-clock numbers.</summary>
    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    private static long WalSize(DatabaseOptions database)
    {
        var wal = new FileInfo(database.SqliteFilePath + "-wal");
        return wal.Exists ? wal.Length : 0;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
