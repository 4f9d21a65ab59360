using System.CommandLine;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Evaluation;
using PuoAiOps.Application.Knowledge.Keyword;
using PuoAiOps.Encoders;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo kb eval --corpus FILE --queries FILE`: retrieval quality on a labelled set, in a temporary
/// in-memory index (the workspace is not opened).
/// </summary>
internal static class KbEvalCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var command = new Command("eval", "Evaluate retrieval on corpus/query JSON Lines files (recall@1, recall@5, MRR@10 vs plain BM25)");
        var corpus = new Option<string>("--corpus") { Description = "Lines of {\"id\",\"title\",\"text\"}", Required = true };
        var queries = new Option<string>("--queries") { Description = "Lines of {\"query\",\"relevant\":[\"id\",...]}", Required = true };
        var k = new Option<int>("--k") { Description = "Ranking depth evaluated", DefaultValueFactory = _ => 10 };
        var keywordOnly = new Option<bool>("--keyword-only") { Description = "Without the sentence encoder" };
        var chinese = new Option<ChineseAnalyzerKind>("--chinese-analyzer") { Description = "Cjk (bigrams, default) or SmartCn (word segmentation)", DefaultValueFactory = _ => ChineseAnalyzerKind.Cjk };
        var denseWeight = new Option<double?>("--dense-weight") { Description = "Weight of the dense ranking in the fusion (default 1)" };
        foreach (var option in new Option[] { corpus, queries, k, keywordOnly, chinese, denseWeight }) command.Options.Add(option);
        bind((ctx, ct) => KbCommand.GuardAsync(async () =>
        {
            var depth = ctx.Parse.GetValue(k);
            if (depth is < 1 or > 100) throw new CliUsageException("--k must be between 1 and 100");
            var docs = EvalFiles.ReadCorpus(ctx.Parse.GetValue(corpus)!);
            var qs = EvalFiles.ReadQueries(ctx.Parse.GetValue(queries)!);
            var options = new KnowledgeOptions { ChineseAnalyzer = ctx.Parse.GetValue(chinese) };
            if (ctx.Parse.GetValue(denseWeight) is { } w) options.DenseWeight = w;
            var errors = options.Validate().ToList();
            if (errors.Count > 0) throw new CliUsageException(string.Join("; ", errors));
            var embedder = new KnowledgeEmbedder(ctx.Parse.GetValue(keywordOnly) ? null : MiniLmEmbeddingGenerator.Shared);
            var report = await new KnowledgeEvaluator(embedder, options).EvaluateAsync(docs, qs, depth, ct);
            Write(ctx, report);
            return PuoCli.Ok;
        })).AttachTo(command);
        return command;
    }

    private static object Quality(RankingQuality? q) => q is null ? new { } : new { recall_at_1 = Round(q.RecallAt1), recall_at_5 = Round(q.RecallAt5), mrr_at_10 = Round(q.MrrAt10) };

    private static double Round(double v) => Math.Round(v, 4);

    private static void Write(CliContext ctx, EvalReport r)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(new Dictionary<string, object?>
            {
                ["recall_at_1"] = Round(r.Hybrid.RecallAt1), ["recall_at_5"] = Round(r.Hybrid.RecallAt5), ["mrr_at_10"] = Round(r.Hybrid.MrrAt10),
                ["ms_per_query"] = Math.Round(r.MsPerQuery, 3), ["index_seconds"] = Math.Round(r.IndexSeconds, 2),
                ["mode"] = r.Mode, ["chinese_analyzer"] = r.ChineseAnalyzer, ["corpus"] = r.Corpus, ["chunks"] = r.Chunks, ["queries"] = r.Queries,
                ["keyword"] = Quality(r.Keyword), ["dense"] = r.Dense is null ? null : Quality(r.Dense), ["bm25_baseline"] = Quality(r.Bm25Baseline),
            });
            return;
        }
        ctx.Out.WriteLine($"{r.Queries} queries over {r.Corpus} documents ({r.Chunks} chunks), {r.Mode}, Chinese analyzer {r.ChineseAnalyzer}");
        ctx.Out.WriteLine($"{"",-14} recall@1  recall@5  MRR@10");
        void Row(string name, RankingQuality q) => ctx.Out.WriteLine($"{name,-14} {q.RecallAt1,8:P1}  {q.RecallAt5,8:P1}  {q.MrrAt10,6:0.000}");
        Row(r.Mode, r.Hybrid);
        Row("keyword", r.Keyword);
        if (r.Dense is { } dense) Row("dense", dense);
        Row("plain BM25", r.Bm25Baseline);
        ctx.Out.WriteLine($"{r.MsPerQuery:0.00} ms per query; indexed in {r.IndexSeconds:0.0} s");
    }
}
