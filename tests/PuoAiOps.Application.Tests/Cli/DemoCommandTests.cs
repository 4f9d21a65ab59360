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
}
