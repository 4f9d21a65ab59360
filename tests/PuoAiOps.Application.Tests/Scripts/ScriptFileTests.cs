using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Scripts;

public sealed class ScriptFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Read_AMappingInsteadOfAList_SaysTheFileMustBeAList()
    {
        var (items, errors) = ScriptFileReader.Read("intent: refund_request\nlocale: en\nchannel: im\nbody: Hi\n");
        Assert.Empty(items);
        Assert.Equal(ScriptFileMessage.NotAList, Assert.Single(errors).Code);
    }

    [Fact]
    public void Read_InputTheScannerFailsOn_IsAMalformedFileAtALine_NotACrash()
    {
        // YamlDotNet's scanner throws InvalidOperationException (no position) on this input.
        var (items, errors) = ScriptFileReader.Read("- intent: a\n  body: [unclosed\n- x: 'y\n");
        Assert.Empty(items);
        var error = Assert.Single(errors);
        Assert.Equal(ScriptFileMessage.MalformedNearLine, error.Code);
        Assert.InRange((int)error.Args[0], 1, 3);
    }

    [Fact]
    public void Read_UnknownVariableType_NamesTheVariableAndTheTypes()
    {
        var (items, errors) = ScriptFileReader.Read("""
            - intent: refund_request
              locale: en
              channel: im
              body: "Hi {{user_name}}"
              variables: [{name: user_name, type: colour}]
            """);
        Assert.Empty(items);
        var error = Assert.Single(errors).English;
        Assert.Contains("'user_name' has unknown type 'colour'", error, StringComparison.Ordinal);
        Assert.Contains("text, number, date, money, url", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithOneBadItem_StoresNothing_AndNamesEveryProblem()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        var target = await bed.AddIntentAsync("refund_request");
        await bed.AddIntentAsync("refund_old", IntentStatus.Deprecated, i => i.ReplacedById = target);
        var (items, errors) = ScriptFileReader.Read("""
            - intent: refund_request
              locale: en
              channel: im
              body: "Hi {{user_name}}, refunds take 5 days."
              variables: [{name: user_name}]
            - intent: refund_old
              locale: en
              channel: im
              body: "Hi {{user_name}}, old text."
              variables: [{name: user_name}]
            - intent: refund_request
              locale: zh-CN
              channel: in_app
              body: "LONG"
            """.Replace("LONG", new string('长', 500), StringComparison.Ordinal));
        Assert.Empty(errors);
        await using var s = bed.Open();
        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.Files.ImportAsync(items, bed.Bed.Curator, Ct));
        var messages = ex.Errors.SelectMany(e => e.Value).ToList();
        Assert.Contains(messages, m => m.Contains("merged into 'refund_request'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("may have at most 400", StringComparison.Ordinal));
        var codes = ex.Codes.SelectMany(e => e.Value).Select(c => c!.Code).ToList();
        Assert.Contains((Enum)ScriptRefusal.IntentMerged, codes);
        Assert.Contains((Enum)ScriptFileMessage.BodyTooLongFor, codes);
        Assert.Equal(0, await s.Db.Scripts.CountAsync(Ct));
        Assert.Equal(0, await s.Db.ScriptVersions.CountAsync(Ct));
    }

    [Fact]
    public async Task Cli_LintJson_ReportsFindingsWithPositions_AndExitsOneOnErrors()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var file = Path.Combine(workspace.DataDir, "scripts.json");
        await File.WriteAllTextAsync(file, """
            [{"intent": "refund_request", "locale": "en", "channel": "im",
              "body": "Hi {{user_name}}, we guarantee it.", "variables": [{"name": "user_name", "type": "text"}]}]
            """, Ct);
        var run = await CliRunner.RunAsync("--data-dir", workspace.DataDir, "--json", "scripts", "lint", file);
        Assert.Equal(1, run.ExitCode);
        var finding = Assert.Single(System.Text.Json.JsonDocument.Parse(run.Out).RootElement.EnumerateArray());
        Assert.Equal("banned-phrase", finding.GetProperty("rule").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal((21, 30), (finding.GetProperty("start").GetInt32(), finding.GetProperty("end").GetInt32()));

        await File.WriteAllTextAsync(file, "just: a mapping\n", Ct);
        var bad = await CliRunner.RunAsync("--data-dir", workspace.DataDir, "scripts", "lint", file);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("must be a list", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_ImportThenExport_RoundTripsTheDrafts()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("refund_request");
        var dir = Path.Combine(Path.GetTempPath(), "puo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "in.yaml");
        await File.WriteAllTextAsync(file, """
            - intent: refund_request
              locale: en
              channel: email
              title: Refunds
              body: "Hi {{user_name}}, refunds take 5 days. Thanks!"
              variables: [{name: user_name, type: text}]
              sop_links: [refund-policy]
            """, Ct);
        var dataDir = bed.Bed.Options.DataDir;
        var import = await CliRunner.RunAsync("--data-dir", dataDir, "scripts", "import", file);
        Assert.True(import.ExitCode == 0, import.Error);
        var export = await CliRunner.RunAsync("--data-dir", dataDir, "scripts", "export", "--out", Path.Combine(dir, "out.yaml"));
        Assert.True(export.ExitCode == 0, export.Error);
        var text = await File.ReadAllTextAsync(Path.Combine(dir, "out.yaml"), Ct);
        Assert.Contains("refund-policy", text, StringComparison.Ordinal);
        var (items, errors) = ScriptFileReader.Read(text);
        Assert.Empty(errors);
        Assert.Equal("Hi {{user_name}}, refunds take 5 days. Thanks!", Assert.Single(items).Body);
    }
}
