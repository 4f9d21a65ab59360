using System.Text.Json;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Application.Tests.Knowledge;
using PuoAiOps.QdrantFake;

namespace PuoAiOps.Application.Tests.Cli;

/// <summary>`puo kb` with VectorSearch__Provider=Qdrant (the in-process server): reindex reports drift; Qdrant down is a clear message or a keyword fallback.</summary>
public sealed class KbQdrantCommandTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;
    private TempWorkspace _ws = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeQdrantServer.StartNewAsync(apiKey: "cli-key", Ct);
        _ws = await TempWorkspace.CreateAsync();
        var file = Path.Combine(_ws.DataDir, "refunds.md");
        await File.WriteAllTextAsync(file, IngestionTests.Refunds, Ct);
        var ingest = await RunAsync("kb", "ingest", file);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
    }

    public async ValueTask DisposeAsync()
    {
        await _ws.DisposeAsync();
        await _server.DisposeAsync();
    }

    private Task<CliRunner.Run> RunAsync(params string[] args) => CliRunner.RunWithEnvironmentAsync(new Dictionary<string, string?>
    {
        ["VectorSearch__Provider"] = "Qdrant",
        ["VectorSearch__Qdrant__Url"] = _server.Url,
        ["VectorSearch__Qdrant__ApiKey"] = "cli-key",
        ["VectorSearch__Qdrant__Retries"] = "1",
        ["VectorSearch__Qdrant__RetryDelayMilliseconds"] = "1",
    }, [.. args, "--data-dir", _ws.DataDir]);

    private FakeCollection Collection => _server.Store.Get("puo_knowledge");

    [Fact]
    public async Task KbReindex_ReportsAPointLostByQdrant_AndRebuildsTheCollection()
    {
        lock (Collection.Gate)
        {
            Assert.Equal(3, Collection.Points.Count);
            Collection.Points.Remove(Collection.Points.Keys.First());
        }

        var run = await RunAsync("kb", "reindex");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("mismatch: the vector index held 2 vector(s); the database has 3 chunk(s).", run.Out, StringComparison.Ordinal);
        Assert.Contains("mismatch: the vector index lacked 1 chunk(s) and held 0 the database no longer has.", run.Out, StringComparison.Ordinal);
        Assert.Contains("vectors 3 (0 computed) in the qdrant index", run.Out, StringComparison.Ordinal);
        lock (Collection.Gate) Assert.Equal(3, Collection.Points.Count);
    }

    [Fact]
    public async Task KbSearch_QdrantDown_FallsBackToKeywords_AndSaysSo()
    {
        await _server.StopAsync(Ct);

        var run = await RunAsync("kb", "search", "who decides app store refunds", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("keyword", json.GetProperty("mode").GetString());
        // A new process checks the collection before its first search: that is the call that fails.
        Assert.Contains($"Qdrant at 127.0.0.1:{new Uri(_server.Url).Port}: collection check failed: the server is unreachable or unavailable",
            json.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("Refund policy › Who decides", json.GetProperty("hits")[0].GetProperty("heading").GetString());
    }

    [Fact]
    public async Task KbReindex_QdrantDown_ExitsWithOneAndAClearMessage()
    {
        await _server.StopAsync(Ct);

        var run = await RunAsync("kb", "reindex");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error: Qdrant at 127.0.0.1:{new Uri(_server.Url).Port}: collection check failed: the server is unreachable or unavailable.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kb_BadQdrantSettings_ExitWithTwoNamingTheKey()
    {
        var run = await CliRunner.RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["VectorSearch__Provider"] = "Qdrant",
            ["VectorSearch__Qdrant__Url"] = "http://qdrant.internal:6334",
            ["VectorSearch__Qdrant__ApiKey"] = "secret",
        }, "kb", "search", "refunds", "--data-dir", _ws.DataDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("VectorSearch:Qdrant:ApiKey would be sent in clear text to qdrant.internal", run.Error, StringComparison.Ordinal);
    }
}
