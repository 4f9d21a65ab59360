using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Store;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Keyword;
using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Encoders;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// Knowledge-base speed targets, end to end on this machine: sentence embedding (batch throughput,
/// single-query latency, tokenizer share), exact dense search over N × 384 vectors, keyword index
/// ingestion and BM25 query latency over N chunks.
/// Usage: kb [--chunks 100000] [--questions 2000] [--queries 300] [--only embedding|dense|keyword] [--precision int8|float32]
/// [--lucene-directory niofs|mmap] (niofs is what the console uses; mmap only to compare, see decision 0013)
/// </summary>
internal static class KnowledgeScenario
{
    private static readonly string[] Words =
    [
        "recharge", "coins", "gift", "refund", "payout", "stream", "lag", "account", "password", "code", "verification", "ban", "appeal",
        "subscription", "renewal", "card", "payment", "failed", "pending", "minor", "parent", "report", "streamer", "harassment", "scam",
        "agency", "tax", "live", "permission", "install", "crash", "update", "delete", "recover", "email", "phone", "wallet", "balance",
        "order", "invoice", "delivery", "cancel", "address", "shipping", "voucher", "points", "level", "badge", "camera", "microphone",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var chunks = Arg(args, "--chunks", 100_000);
        var questions = Arg(args, "--questions", 2_000);
        var queries = Arg(args, "--queries", 300);
        var random = new Random(7);
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {LoadAverage()}");

        var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : null;
        var precision = Array.IndexOf(args, "--precision") is var p and >= 0 && p + 1 < args.Length
            ? Enum.Parse<EncoderPrecision>(args[p + 1], ignoreCase: true) : EncoderPrecision.Int8;
        if (only is null or "embedding") Embedding(MiniLmEmbeddingGenerator.SharedFor(precision), questions, queries, random);
        if (only is null or "dense") Dense(chunks, queries, random);
        var mmap = Array.IndexOf(args, "--lucene-directory") is var d and >= 0 && d + 1 < args.Length && args[d + 1] == "mmap";
        if (only is null or "keyword") Keyword(chunks, queries, random, mmap);
        await Task.CompletedTask;
        return 0;
    }

    private static void Embedding(MiniLmEmbeddingGenerator generator, int count, int queries, Random random)
    {
        Console.WriteLine($"encoder: {generator.Model}");
        var texts = Enumerable.Range(0, count).Select(_ => Question(random)).ToList();
        var output = new float[count * MiniLmEmbeddingGenerator.Dimensions];
        generator.Embed(texts.Take(64).ToList(), output); // warm-up
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        generator.Embed(texts, output);
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        Console.WriteLine($"embedding batch: {count} short questions in {clock.Elapsed.TotalSeconds:0.00} s = {count / clock.Elapsed.TotalSeconds:0} questions/s " +
            $"(process CPU {cpuSeconds:0.00} s = {count / cpuSeconds * Environment.ProcessorCount:0} questions/s if both cores were ours; load average {LoadAverage()})");

        var one = new float[MiniLmEmbeddingGenerator.Dimensions];
        Measure("embedding one query", queries, i => generator.Embed([texts[i % texts.Count]], one));

        var tokenizer = MiniLmEmbeddingGenerator.CreateTokenizer();
        var ids = new long[128];
        var mask = new long[128];
        clock.Restart();
        foreach (var text in texts) tokenizer.Encode(text, ids, mask, padTo: null);
        Console.WriteLine($"tokenization alone: {clock.Elapsed.TotalMilliseconds * 1000 / count:0.0} µs per question");
    }

    private static void Dense(int rows, int queries, Random random)
    {
        using var matrix = new VectorMatrix(384);
        var batch = new List<VectorRecord>(10_000);
        for (var id = 0; id < rows; id++)
        {
            batch.Add(new VectorRecord(id, UnitVector(random), id % 3 == 0 ? "zh-CN" : "en", null, []));
            if (batch.Count == 10_000) { matrix.Upsert(batch); batch.Clear(); }
        }
        matrix.Upsert(batch);
        var vectors = Enumerable.Range(0, queries).Select(_ => UnitVector(random)).ToList();
        Measure($"exact dense top-10 over {rows:N0} x 384", queries, i => matrix.Search(vectors[i], 10, SearchFilter.None));
    }

    private static void Keyword(int rows, int queries, Random random, bool mmap)
    {
        var folder = Path.Combine(Path.GetTempPath(), "puo-kb-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine($"keyword index directory: {(mmap ? "MMapDirectory" : "NIOFSDirectory")}");
            using var index = new LuceneKeywordIndex(mmap ? new MMapDirectory(folder) : KeywordIndexDirectory.Open(folder), ChineseAnalyzerKind.SmartCn);
            var records = Enumerable.Range(0, rows).Select(id => new ChunkRecord(id, "en", id % 2 == 0 ? "payments" : "streaming", [], "SOP " + (id / 5),
                "Section " + id % 7, string.Join(' ', Enumerable.Range(0, 60).Select(_ => Word(random))))).ToList();
            var cpu = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            for (var start = 0; start < records.Count; start += 5_000)
                index.Apply(records.GetRange(start, Math.Min(5_000, records.Count - start)), []);
            var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
            Console.WriteLine($"keyword ingestion: {rows:N0} chunks in {clock.Elapsed.TotalSeconds:0.0} s = {rows / clock.Elapsed.TotalSeconds:0} chunks/s " +
                $"(process CPU {cpuSeconds:0.0} s = {rows / cpuSeconds:0} chunks per CPU-second; load average {LoadAverage()})");
            for (var i = 0; i < 20; i++) index.Search(Question(random), SearchFilter.None, 50);
            var questions = Enumerable.Range(0, queries).Select(_ => Question(random)).ToList();
            Measure($"BM25 top-50 over {rows:N0} chunks", queries, i => index.Search(questions[i], SearchFilter.None, 50));
        }
        finally
        {
            try { System.IO.Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static string Question(Random random) =>
        $"why is my {Word(random)} {Word(random)} not working after the {Word(random)}?";

    private static string Word(Random random)
    {
        // Zipf-like over the domain words plus 5,000 filler terms, so postings lists have realistic
        // lengths (a 50-word vocabulary would put every term in nearly every chunk).
        var r = random.NextDouble();
        var rank = (int)(5_050 * r * r * r);
        return rank < Words.Length ? Words[rank] : "term" + rank.ToString(CultureInfo.InvariantCulture);
    }

    private static float[] UnitVector(Random random)
    {
        var v = new float[384];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm<float>(v);
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    /// <summary>
    /// Wall-clock percentiles and the process CPU time per run: on a shared, overloaded box the CPU
    /// time is close to what a run costs on an idle core, the wall clock is not.
    /// </summary>
    private static void Measure(string what, int runs, Action<int> run)
    {
        var ms = new List<double>(runs);
        var cpu = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            run(i);
            ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / runs;
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)(q * ms.Count))];
        Console.WriteLine($"{what}: p50 {P(0.5):0.00} ms, p95 {P(0.95):0.00} ms, max {ms[^1]:0.00} ms wall; {cpuMs:0.00} ms process CPU per run ({runs} runs; load average {LoadAverage()})");
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }
}
