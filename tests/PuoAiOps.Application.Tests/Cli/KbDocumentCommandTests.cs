using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Application.Tests.Knowledge;

namespace PuoAiOps.Application.Tests.Cli;

/// <summary>`puo kb archive|restore|delete`: the document lifecycle from the command line, with its refusals.</summary>
public sealed class KbDocumentCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KbArchiveRestoreDelete_ChangeWhatSearchFinds_AndRefuseWhatCannotBeDone()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var folder = Path.Combine(ws.DataDir, "sop", "en");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "refunds.md"), IngestionTests.Refunds, Ct);
        Assert.Equal(0, (await CliRunner.RunAsync("kb", "ingest", Path.Combine(ws.DataDir, "sop"), "--keyword-only", "--data-dir", ws.DataDir)).ExitCode);
        long id;
        await using (var db = ws.NewContext()) id = await db.Documents.Select(d => d.Id).SingleAsync(Ct);
        var reference = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var archive = await CliRunner.RunAsync("kb", "archive", reference, "--data-dir", ws.DataDir, "--json");
        Assert.True(archive.ExitCode == 0, archive.Error);
        Assert.Equal("archived", JsonDocument.Parse(archive.Out).RootElement.GetProperty("change").GetString());
        Assert.Equal(0, await HitsAsync(ws));

        var again = await CliRunner.RunAsync("kb", "archive", reference, "--data-dir", ws.DataDir);
        Assert.Equal(2, again.ExitCode);

        var restore = await CliRunner.RunAsync("kb", "restore", reference, "--data-dir", ws.DataDir, "--json");
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal("restored", JsonDocument.Parse(restore.Out).RootElement.GetProperty("change").GetString());
        Assert.True(await HitsAsync(ws) > 0);

        var unconfirmed = await CliRunner.RunAsync("kb", "delete", reference, "--data-dir", ws.DataDir);
        Assert.Equal(2, unconfirmed.ExitCode);
        Assert.Contains("--yes", unconfirmed.Error, StringComparison.Ordinal);
        await using (var db = ws.NewContext()) Assert.True(await db.Documents.AnyAsync(Ct));

        var delete = await CliRunner.RunAsync("kb", "delete", reference, "--yes", "--data-dir", ws.DataDir, "--json");
        Assert.True(delete.ExitCode == 0, delete.Error);
        Assert.Equal("deleted", JsonDocument.Parse(delete.Out).RootElement.GetProperty("change").GetString());
        await using (var db = ws.NewContext())
            Assert.Equal((false, false), (await db.Documents.AnyAsync(Ct), await db.Chunks.AnyAsync(Ct)));
        Assert.Equal(0, await HitsAsync(ws));

        var unknown = await CliRunner.RunAsync("kb", "delete", reference, "--yes", "--data-dir", ws.DataDir);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no such document", unknown.Error, StringComparison.Ordinal);
    }

    private static async Task<int> HitsAsync(TempWorkspace ws)
    {
        var search = await CliRunner.RunAsync("kb", "search", "who decides app store refunds", "--data-dir", ws.DataDir, "--json");
        Assert.True(search.ExitCode == 0, search.Error);
        return JsonDocument.Parse(search.Out).RootElement.GetProperty("hits").GetArrayLength();
    }
}
