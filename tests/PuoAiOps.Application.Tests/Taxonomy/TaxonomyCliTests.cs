using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Taxonomy;

public sealed class TaxonomyCliTests
{
    private const string File1 = """
        format: puo-taxonomy/1
        domains:
        - key: payments
          names:
            en: Payments & recharge
            zh-CN: 支付与充值
          sort_order: 1
          intents:
          - key: recharge_failed
            names:
              en: Recharge failed
              zh-CN: 充值失败
            description: |-
              The user paid but coins did not arrive.
              Includes double charges.
            examples:
            - my recharge failed
            guide: payments.md#recharge-failed
          - key: refund_status
            names: {en: Refund status}
        """;

    [Fact]
    public async Task Import_CreatesProposalsOnly_AndReportsThemAsJson()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var file = Path.Combine(ws.DataDir, "taxonomy.yaml");
        await File.WriteAllTextAsync(file, File1, TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("taxonomy", "import", file, "--data-dir", ws.DataDir, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(2, json.GetProperty("counts").GetProperty("add").GetInt32());
        Assert.Equal(["recharge_failed", "refund_status"], json.GetProperty("proposed").EnumerateArray().Select(p => p.GetProperty("intent").GetString()));
        Assert.Equal(9, json.GetProperty("proposed")[0].GetProperty("line").GetInt32());

        await using var db = ws.NewContext();
        Assert.False(await db.Intents.AnyAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await db.TaxonomyChanges.CountAsync(c => c.Status == ReviewStatus.Pending, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_ABadFile_Exits2_NamingTheLine()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var file = Path.Combine(ws.DataDir, "bad.yaml");
        await File.WriteAllTextAsync(file, File1.Replace("- key: refund_status", "- key: Refund-Status", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("taxonomy", "import", file, "--data-dir", ws.DataDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: bad.yaml: line 19:", run.Error, StringComparison.Ordinal);
        Assert.Contains("snake_case", run.Error, StringComparison.Ordinal);

        var missing = await CliRunner.RunAsync("taxonomy", "import", Path.Combine(ws.DataDir, "nope.yaml"), "--data-dir", ws.DataDir);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AYamlBomb_Exits2_NamingTheAnchorLine()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        var file = Path.Combine(ws.DataDir, "bomb.yaml");
        await File.WriteAllTextAsync(file, YamlSafety.YamlBomb.Text, TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("taxonomy", "import", file, "--data-dir", ws.DataDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: bomb.yaml: line {YamlSafety.YamlBomb.AnchorLine}: YAML anchors (&a) are not accepted: write the value out in full.", run.Error.Trim());
    }

    [Fact]
    public async Task Export_WritesTheFile_ThatImportsWithNothingToPropose()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await using (var db = ws.NewContext())
        {
            var domain = new IntentDomain { Key = "account", Names = new() { ["en"] = "Account" } };
            domain.Intents.Add(new Intent { Key = "password_reset", Names = new() { ["en"] = "Reset password", ["zh-CN"] = "重置密码" } });
            db.Domains.Add(domain);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var file = Path.Combine(ws.DataDir, "out.yaml");
        var run = await CliRunner.RunAsync("taxonomy", "export", "--out", file, "--data-dir", ws.DataDir, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(1, JsonDocument.Parse(run.Out).RootElement.GetProperty("intents").GetInt32());
        Assert.Contains("zh-CN: 重置密码", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var reimport = await CliRunner.RunAsync("taxonomy", "import", file, "--data-dir", ws.DataDir);
        Assert.True(reimport.ExitCode == 0, reimport.Error);
        Assert.StartsWith("Proposed 0 change(s)", reimport.Out, StringComparison.Ordinal);
    }
}
