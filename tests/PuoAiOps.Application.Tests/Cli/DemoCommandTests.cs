using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task DemoSeedThenRemove_LeavesOnlyNonDemoRecords()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await using (var db = ws.NewContext())
        {
            db.Settings.Add(new Persistence.Entities.Setting { Key = "kept", Value = "1" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var seed = await CliRunner.RunAsync("demo", "seed", "--data-dir", ws.DataDir, "--json");
        Assert.True(seed.ExitCode == 0, seed.Error);
        Assert.True(JsonDocument.Parse(seed.Out).RootElement.GetProperty("seeded").GetBoolean());

        var again = await CliRunner.RunAsync("demo", "seed", "--data-dir", ws.DataDir);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already there", again.Out, StringComparison.Ordinal);

        var remove = await CliRunner.RunAsync("demo", "remove", "--data-dir", ws.DataDir);
        Assert.True(remove.ExitCode == 0, remove.Error);

        await using var check = ws.NewContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.False(await check.Questions.AnyAsync(ct));
        Assert.False(await check.Conversations.AnyAsync(ct));
        Assert.False(await check.Intents.AnyAsync(ct));
        Assert.True(await check.Settings.AnyAsync(s => s.Key == "kept", ct));
        Assert.False(await check.ModelVersions.AnyAsync(ct));
        // The demo's training and promotion entries go with it; nothing else wrote to the log here.
        Assert.False(await check.AuditLog.AnyAsync(ct));
    }

    [Fact]
    public async Task DemoSeed_IndexesTheDemoSops_SoKnowledgeSearchFindsThemInBothLanguages()
    {
        await using var ws = await TempWorkspace.CreateAsync();

        var seed = await CliRunner.RunAsync("demo", "seed", "--data-dir", ws.DataDir, "--json");
        Assert.True(seed.ExitCode == 0, seed.Error);
        var index = JsonDocument.Parse(seed.Out).RootElement.GetProperty("index");
        await using (var db = ws.NewContext())
            Assert.Equal(await db.Chunks.CountAsync(TestContext.Current.CancellationToken), index.GetProperty("chunks").GetInt32());

        // A separate command, as a person would run it next: the index is on disk, no reindex in between.
        foreach (var (query, locale, slug) in new[] { ("refund for unused coins", "en", "refund-policy"), ("充值未到账", "zh-CN", "recharge-not-credited") })
        {
            var search = await CliRunner.RunAsync("kb", "search", query, "--locale", locale, "--mode", "keyword", "--data-dir", ws.DataDir, "--json");
            Assert.True(search.ExitCode == 0, search.Error);
            var hits = JsonDocument.Parse(search.Out).RootElement.GetProperty("hits").EnumerateArray().ToList();
            Assert.Contains(hits, h => h.GetProperty("slug").GetString() == slug);
            Assert.All(hits, h => Assert.Equal(locale, h.GetProperty("locale").GetString()));
        }
    }
}
