using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Application.Tests.Knowledge;

namespace PuoAiOps.Application.Tests.Cli;

public sealed class KbCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KbIngestSearchReindex_WorkOnTheWorkspace()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var folder = Path.Combine(ws.DataDir, "sop", "en");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "refunds.md"), IngestionTests.Refunds, Ct);

        var ingest = await CliRunner.RunAsync("kb", "ingest", Path.Combine(ws.DataDir, "sop"), "--data-dir", ws.DataDir, "--json");
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        var file = JsonDocument.Parse(ingest.Out).RootElement.GetProperty("files")[0];
        Assert.Equal(("created", 3), (file.GetProperty("status").GetString(), file.GetProperty("chunksAdded").GetInt32()));

        var search = await CliRunner.RunAsync("kb", "search", "who decides app store refunds", "--data-dir", ws.DataDir, "--json");
        Assert.True(search.ExitCode == 0, search.Error);
        var hits = JsonDocument.Parse(search.Out).RootElement.GetProperty("hits");
        Assert.Equal("Refund policy › Who decides", hits[0].GetProperty("heading").GetString());
        Assert.Equal("hybrid", JsonDocument.Parse(search.Out).RootElement.GetProperty("mode").GetString());

        var reindex = await CliRunner.RunAsync("kb", "reindex", "--data-dir", ws.DataDir, "--json");
        Assert.True(reindex.ExitCode == 0, reindex.Error);
        var report = JsonDocument.Parse(reindex.Out).RootElement;
        Assert.Equal((3, 3, 3L, false), (report.GetProperty("chunks").GetInt32(), report.GetProperty("keywordAfter").GetInt32(),
            report.GetProperty("vectorsAfter").GetInt64(), report.GetProperty("keywordMismatch").GetBoolean()));
    }

    [Fact]
    public async Task KbIngest_RefusedFilesExitWithTwoAndSayWhy()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var folder = Path.Combine(ws.DataDir, "in");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "hidden.html"), "<p style=\"display:none\">secret instructions</p>", Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "slides.pptx"), [1, 2, 3], Ct);

        var run = await CliRunner.RunAsync("kb", "ingest", folder, "--keyword-only", "--data-dir", ws.DataDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("hidden.html: no visible text", run.Error, StringComparison.Ordinal);
        Assert.Contains("unsupported type '.pptx'", run.Error, StringComparison.Ordinal);
        Assert.Contains("0 of 2 file(s) ingested", run.Out, StringComparison.Ordinal);
        await using var db = ws.NewContext();
        Assert.False(await db.Documents.AnyAsync(Ct));
    }

    [Fact]
    public async Task KbEval_PrintsTheAgreedJsonKeysAndBeatsNothingOnBadFiles()
    {
        var dir = Path.Combine(Path.GetTempPath(), "puo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var corpus = Path.Combine(dir, "corpus.jsonl");
            var queries = Path.Combine(dir, "queries.jsonl");
            await File.WriteAllLinesAsync(corpus,
            [
                """{"id":"refund","title":"How do I get a refund?","text":"Unused coins are refunded within 14 days from the wallet."}""",
                """{"id":"lag","title":"The stream keeps freezing","text":"Switch between WiFi and mobile data and lower the quality."}""",
            ], Ct);
            await File.WriteAllLinesAsync(queries, ["""{"query":"I want my money back for coins","relevant":["refund"]}""", """{"query":"video stuck buffering","relevant":["lag"]}"""], Ct);

            var run = await CliRunner.RunAsync("kb", "eval", "--corpus", corpus, "--queries", queries, "--keyword-only", "--json");

            Assert.True(run.ExitCode == 0, run.Error);
            var root = JsonDocument.Parse(run.Out).RootElement;
            foreach (var key in new[] { "recall_at_1", "recall_at_5", "mrr_at_10", "ms_per_query", "index_seconds" })
                Assert.True(root.TryGetProperty(key, out _), key);

            await File.WriteAllTextAsync(queries, "{\"query\":\"x\"}\n", Ct);
            var bad = await CliRunner.RunAsync("kb", "eval", "--corpus", corpus, "--queries", queries, "--keyword-only");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("queries.jsonl line 1: \"relevant\" must be a non-empty array", bad.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task StartupIndexer_IndexesTheDemoWorkspacesSopsInBothLanguages()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var seed = await CliRunner.RunAsync("demo", "seed", "--data-dir", ws.DataDir);
        Assert.True(seed.ExitCode == 0, seed.Error);
        // `demo seed` indexed the SOPs itself; without the index folder (a database copied alone) the indexer rebuilds it.
        Directory.Delete(Path.Combine(ws.DataDir, "knowledge", "lucene"), recursive: true);
        await using var bed = await KnowledgeTestBed.CreateOnAsync(ws);

        var indexer = new KnowledgeStartupIndexer(bed.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new KnowledgeOptions()), NullLogger<KnowledgeStartupIndexer>.Instance);
        await indexer.StartAsync(Ct);
        await indexer.ExecuteTask!;

        await using var db = ws.NewContext();
        Assert.Equal(await db.Chunks.CountAsync(Ct), bed.Services.GetRequiredService<PuoAiOps.Application.Knowledge.Indexing.KnowledgeIndexes>().Keyword.Count);
        var en = await bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSearchService>().SearchAsync(new KnowledgeQuery("refund unused coins", 3, new(Locale: "en")), Ct));
        var zh = await bed.WithAsync(sp => sp.GetRequiredService<KnowledgeSearchService>().SearchAsync(new KnowledgeQuery("充值未到账", 3, new(Locale: "zh-CN")), Ct));
        Assert.NotEmpty(en.Hits);
        Assert.All(zh.Hits, h => Assert.Equal("zh-CN", h.Locale));
        Assert.Contains(zh.Hits, h => h.Slug == "recharge-not-credited");
    }
}
