using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Application.Scripts.AgentReplies;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Core.Tests.Properties;

namespace PuoAiOps.Application.Tests.Scripts;

/// <summary>Agent replies imported for standardization: read, redacted and stored all at once, then picked to make a draft.</summary>
public sealed class AgentReplyImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The shape of Bitext's customer-support data: the reply is "response", with {{Order Number}}-style placeholders.
    private const string BitextCsv =
        "flags,instruction,category,intent,response\n" +
        "B,where is my refund,REFUND,refund_request,\"I'm sorry for the wait. Your refund for order {{Order Number}} is on its way; mail tom.lee@example.com for help.\"\n" +
        "B,cancel it,ORDER,cancel_order,\"I can help you cancel order {{Order Number}}.\"\n" +
        "B,充值没到账,PAYMENT,refund_request,\"您好，充值订单 {{Order Number}} 正在处理，请耐心等待。\"\n";

    private static AgentReplyImporter Importer(ScriptTestBed.Services s) => new(s.Db, new StyleRuleSettings(s.Db), TimeProvider.System);

    private static MemoryStream File(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Import_StoresRedactedReplies_WithTheirQuestionIntentAndLocale()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        var refund = await bed.AddIntentAsync("refund_request");
        await using var s = bed.Open();

        var result = await Importer(s).ImportAsync(File(BitextCsv), "bitext.csv", bed.Bed.Curator, Ct);

        Assert.Equal((3, 1), (result.Imported, result.WithoutIntent));
        Assert.Equal(["cancel_order"], result.UnknownIntents);
        var stored = await s.Db.AgentReplies.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.DoesNotContain(stored, r => r.Text.Contains("tom.lee@example.com", StringComparison.Ordinal));
        Assert.Equal([refund, null, refund], stored.Select(r => r.IntentId));
        Assert.Equal(["en", "en", "zh-CN"], stored.Select(r => r.Locale));
        Assert.Equal("where is my refund", stored[0].Question);
        Assert.All(stored, r => Assert.Equal("bitext.csv", r.Source));
        Assert.Single(await s.Db.AuditLog.Where(a => a.Action == "agent_replies.imported").ToListAsync(Ct));

        var page = await new AgentReplyQueries(s.Db).SearchAsync("REFUND", null, refund, 0, 10, Ct);
        Assert.Equal(1, page.Total);
        Assert.Equal("refund_request", page.Rows[0].IntentKey);
    }

    [Fact]
    public async Task Import_ReadsJsonLines_AndAMergedIntentLeadsToItsReplacement()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        var kept = await bed.AddIntentAsync("payment_failed");
        await bed.AddIntentAsync("pay_error", IntentStatus.Deprecated, i => i.ReplacedById = kept);
        await using var s = bed.Open();
        var jsonl = "{\"response\": \"Please try the payment again.\", \"intent\": \"pay_error\", \"locale\": \"en\"}\n\n{\"reply\": \"请再试一次。\"}\n";

        var result = await Importer(s).ImportAsync(File(jsonl), "replies.jsonl", bed.Bed.Curator, Ct);

        Assert.Equal(2, result.Imported);
        var stored = await s.Db.AgentReplies.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal(kept, stored[0].IntentId);
        Assert.Equal("zh-CN", stored[1].Locale);
    }

    [Theory]
    [InlineData("intent,text_without_reply\nrefund,hello\n", "line 1: the header names no reply column")]
    [InlineData("response,intent\n\"good\",a\n,b\n", "line 3: no reply")]
    [InlineData("response,locale\nhello,fr\n", "line 2: unknown locale 'fr'")]
    [InlineData("response,intent\nhello,a,extra\n", "line 2: 3 fields where the header has 2")]
    [InlineData("{\"response\": \"fine\"}\n{not json\n", "line 2: not valid JSON")]
    [InlineData("", "The file holds no replies")]
    public async Task Import_RefusesABadFileWithItsLine_AndStoresNothing(string content, string expected)
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await using var s = bed.Open();
        var error = await Assert.ThrowsAsync<ValidationException>(() => Importer(s).ImportAsync(File(content), "bad.csv", bed.Bed.Curator, Ct));
        Assert.Contains(error.Errors["file"], m => m.Contains(expected, StringComparison.Ordinal));
        // Every line error keeps its code beside its English, so the console words it in the reader's language.
        Assert.Equal(error.Errors["file"], error.Codes["file"].Select(c => c!.English));
        Assert.All(error.Codes["file"], c => Assert.IsType<ScriptFileMessage>(c!.Code));
        Assert.Equal(0, await s.Db.AgentReplies.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_RefusesAnOversizedFileOrReply_AndAnyoneButACurator()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await using var s = bed.Open();
        var huge = "response\n" + new string('a', AgentReplyFile.MaxReplyLength + 1) + "\n";
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => Importer(s).ImportAsync(File(huge), "long.csv", bed.Bed.Curator, Ct));
        Assert.Equal(ScriptRefusal.FileNotImported, tooLong.Code!.Code);
        Assert.Contains("at most", tooLong.Message, StringComparison.Ordinal);
        var oversized = new MemoryStream(new byte[AgentReplyImporter.MaxFileBytes + 1]);
        var big = await Assert.ThrowsAsync<ValidationException>(() => Importer(s).ImportAsync(oversized, "big.csv", bed.Bed.Curator, Ct));
        Assert.Equal(CodedMessage.Of(ScriptRefusal.FileTooLarge, (AgentReplyImporter.MaxFileBytes + 1) / 1024 / 1024.0, AgentReplyImporter.MaxFileBytes / 1024 / 1024), big.Codes["file"][0]);
        var reviewer = await Assert.ThrowsAsync<ForbiddenException>(() => Importer(s).ImportAsync(File(BitextCsv), "bitext.csv", bed.Bed.Reviewer, Ct));
        Assert.Equal(CodedMessage.Of(ScriptRefusal.OnlyEditorsImportReplies), reviewer.Code);
        Assert.Equal(0, await s.Db.AgentReplies.CountAsync(Ct));
    }

    [Fact]
    public async Task PickedReplies_BecomeOneLintedDraft_WithTheFilesPlaceholdersAsVariables()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("refund_request");
        await using var s = bed.Open();
        await Importer(s).ImportAsync(File(BitextCsv), "bitext.csv", bed.Bed.Curator, Ct);
        var ids = await s.Db.AgentReplies.OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync(Ct);
        var service = new ScriptStandardizeService(s.Db, new StyleRuleSettings(s.Db));

        var draft = await service.FromAgentRepliesAsync(ids, "en", ScriptChannels.Im, useModel: false, Ct);

        Assert.Contains("cancel order", draft.Script.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("{{Order Number}}", draft.Script.Body, StringComparison.Ordinal);
        Assert.NotEmpty(draft.Script.Variables);
        Assert.DoesNotContain(draft.Findings, f => f.Rule == LintRules.UndeclaredVariable);
        await Assert.ThrowsAsync<ValidationException>(() => service.FromAgentRepliesAsync([], "en", ScriptChannels.Im, false, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => service.FromAgentRepliesAsync([ids[0], 999_999], "en", ScriptChannels.Im, false, Ct));
    }

    [Fact]
    public async Task Cli_ImportReplies_PrintsTheCounts_AndExits2OnABadFile()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await bed.AddIntentAsync("refund_request");
        var dir = Path.Combine(Path.GetTempPath(), "puo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var good = Path.Combine(dir, "replies.csv");
        var bad = Path.Combine(dir, "bad.csv");
        await System.IO.File.WriteAllTextAsync(good, BitextCsv, Ct);
        await System.IO.File.WriteAllTextAsync(bad, "intent\nrefund_request\n", Ct);
        var dataDir = bed.Bed.Options.DataDir;

        var run = await CliRunner.RunAsync("--data-dir", dataDir, "scripts", "import-replies", good, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = System.Text.Json.JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(3, json.GetProperty("imported").GetInt32());
        Assert.Equal("cancel_order", json.GetProperty("unknown_intents")[0].GetString());

        var refused = await CliRunner.RunAsync("--data-dir", dataDir, "scripts", "import-replies", bad);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("no reply column", refused.Error, StringComparison.Ordinal);
        await using var s = bed.Open();
        Assert.Equal(3, await s.Db.AgentReplies.CountAsync(Ct));
    }

    [Fact]
    public void Read_AnyText_EitherGivesRowsOrLinedErrors_NeverThrows()
    {
        HostileText.Text.Sample(text =>
        {
            var (rows, errors) = AgentReplyFile.Read(new StringReader("response\n" + text), "any.csv", 100);
            return rows.Count + errors.Count > 0 && errors.All(e => e.English.StartsWith("line ", StringComparison.Ordinal) || e.English.StartsWith("The file", StringComparison.Ordinal));
        });
    }
}
