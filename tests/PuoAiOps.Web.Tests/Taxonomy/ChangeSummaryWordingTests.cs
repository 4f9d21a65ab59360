using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Taxonomy;

/// <summary>
/// A proposal's summary and a version's generated note are stored as codes beside the English: the proposals,
/// proposal and versions pages word them from TaxonomyText in the reader's language (<c>T.Word</c>, as here),
/// while the API and the CLI keep the English, unchanged.
/// </summary>
public sealed class ChangeSummaryWordingTests(TaxonomyFixture team) : IClassFixture<TaxonomyFixture>
{
    [Fact]
    public async Task ProposedEditAndRename_ReadInChinese_OnTheProposalsPage()
    {
        var edit = await ProposeAsync(new EditIntentPayload
        {
            IntentId = await team.IntentIdAsync("payment_failed"),
            Description = "The payment did not go through.",
            Examples = ["my card was declined"],
            Status = IntentStatus.Draft,
        });
        var rename = await ProposeAsync(new RenameIntentPayload
        {
            IntentId = await team.IntentIdAsync("account_locked"),
            NewKey = "account_locked_out",
            Names = new() { ["zh-CN"] = "账号已锁定" },
        });

        var page = await team.WithServiceAsync<TaxonomyChangeService, ChangePage>(s => s.QueryAsync(ReviewStatus.Pending, 0, 50));
        var editRow = Assert.Single(page.Items, c => c.Id == edit.Id);
        var renameRow = Assert.Single(page.Items, c => c.Id == rename.Id);

        Assert.Equal("Edit payment_failed: description, examples, status → draft", editRow.Summary);
        Assert.Equal("编辑 payment_failed：描述、示例问题、状态 → 草稿", InChinese(editRow.SummaryCode!));
        Assert.Equal("Rename account_locked: key account_locked → account_locked_out; zh-CN \"账号被锁\" → \"账号已锁定\"", renameRow.Summary);
        Assert.Equal("重命名 account_locked：键名 account_locked → account_locked_out；zh-CN“账号被锁”→“账号已锁定”", InChinese(renameRow.SummaryCode!));
        Assert.Equal(renameRow.Summary, renameRow.SummaryCode!.English);
    }

    [Fact]
    public async Task ApprovingTogether_GivesTheVersionANote_ThatReadsInChinese()
    {
        var first = await ProposeAsync(Add("note_refund_a", "Refund A", "退款甲"));
        var second = await ProposeAsync(Add("note_refund_b", "Refund B", "退款乙", IntentStatus.Draft));
        var approved = await team.WithServiceAsync<TaxonomyChangeService, ApprovalResult>(s => s.ApproveManyAsync([first.Id, second.Id], team.ReviewerActor));

        var version = await VersionAsync(approved.VersionNumber);
        Assert.Equal(version.Note, version.NoteCode!.English);
        Assert.StartsWith("Add intent payments/note_refund_a \"", version.Note, StringComparison.Ordinal);
        Assert.EndsWith("\" as draft", version.Note, StringComparison.Ordinal);
        var chinese = InChinese(version.NoteCode);
        Assert.StartsWith("新增意图 payments/note_refund_a“", chinese, StringComparison.Ordinal);
        Assert.Contains("；新增意图 payments/note_refund_b“", chinese, StringComparison.Ordinal);
        Assert.EndsWith("”，状态为草稿", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALargeApproval_IsCountedByKind_InChinese_AndAReviewersNoteStaysAsWritten()
    {
        var ids = new List<long>();
        for (var i = 0; i < 6; i++) ids.Add((await ProposeAsync(Add($"note_bulk_{i}", $"Bulk {i}", $"批量{i}"))).Id);
        var many = await team.WithServiceAsync<TaxonomyChangeService, ApprovalResult>(s => s.ApproveManyAsync(ids, team.ReviewerActor));
        var counted = await VersionAsync(many.VersionNumber);
        Assert.Equal("6 changes: 6 add", counted.Note);
        Assert.Equal("6 项变更：新增 6 项", InChinese(counted.NoteCode!));

        var one = await ProposeAsync(Add("note_reviewer", "Reviewed", "已审"));
        var withNote = await team.WithServiceAsync<TaxonomyChangeService, ChangeView>(s => s.ApproveAsync(one.Id, team.ReviewerActor, "按计划上线"));
        var noted = await VersionAsync(withNote.ResultingVersionNumber!.Value);
        Assert.Equal(("按计划上线", (CodedMessage?)null), (noted.Note, noted.NoteCode));
    }

    private static AddIntentPayload Add(string key, string english, string chinese, IntentStatus status = IntentStatus.Active) => new()
    {
        DomainKey = "payments",
        Status = status,
        Intent = new IntentDraft
        {
            Key = key,
            Names = new() { ["en"] = english, ["zh-CN"] = chinese },
            Description = $"The user asks about {english.ToLowerInvariant()}.",
            Examples = [$"example for {key}"],
        },
    };

    private Task<ChangeView> ProposeAsync(ChangePayload payload) =>
        team.WithServiceAsync<TaxonomyChangeService, ChangeView>(s => s.ProposeAsync(payload, team.CuratorActor));

    private async Task<VersionSummary> VersionAsync(int number)
    {
        var page = await team.WithServiceAsync<TaxonomyService, VersionPage>(s => s.ListVersionsAsync(0, 200));
        return Assert.Single(page.Items, v => v.Number == number);
    }

    /// <summary>As the taxonomy pages word it: <c>T.Word(code)</c> with TaxonomyText, for a reader in zh-CN.</summary>
    private string InChinese(CodedMessage message)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try { return team.Services.GetRequiredService<IStringLocalizer<TaxonomyText>>().Word(message); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }
}
