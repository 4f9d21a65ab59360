using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Application.Taxonomy.Yaml;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Application.Tests.Taxonomy.TaxonomyTestBed;

namespace PuoAiOps.Application.Tests.Taxonomy;

public sealed class TaxonomyYamlTests
{
    /// <summary>Two domains; multi-line text, Chinese names, a draft, a deprecated intent with a replacement, a value that looks like a boolean.</summary>
    private static async Task SeedRichTaxonomyAsync(TaxonomyTestBed bed)
    {
        var payments = await bed.AddDomainAsync("payments", sortOrder: 1);
        var account = await bed.AddDomainAsync("account", sortOrder: 2);
        var problem = await bed.AddIntentAsync(payments, "recharge_problem", configure: i =>
        {
            i.Description = "The user paid, but the coins did not arrive.\nAlso: charged twice.";
            i.IncludeCriteria = "Any failed or stuck recharge.";
            i.ExcludeCriteria = "Refund requests → refund_status.";
            i.Examples = ["my recharge failed", "充值没到账", "yes", "- it says error #502"];
            i.GuideRef = "payments.md#recharge-problem";
        });
        await bed.AddIntentAsync(payments, "recharge_failed", IntentStatus.Deprecated, i => i.ReplacedById = problem);
        await bed.AddIntentAsync(payments, "gift_card_redeem", IntentStatus.Draft, i => i.Names = new() { ["en"] = "Redeem a gift card" });
        await bed.AddIntentAsync(account, "password_reset", configure: i => i.Names = new() { ["en"] = "Reset password", ["zh-CN"] = "重置密码" });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Export_ImportIntoAnEmptyWorkspace_Approve_ExportAgain_IsIdentical(DatabaseProvider targetProvider)
    {
        await using var source = await CreateAsync();
        await SeedRichTaxonomyAsync(source);
        var exported = await source.WithAsync(db => Yaml(db).ExportAsync(Ct));
        Assert.Contains("重置密码", exported, StringComparison.Ordinal);
        Assert.Contains("description: |-", exported, StringComparison.Ordinal);
        Assert.Contains("- 'yes'", exported, StringComparison.Ordinal);

        await using var target = await CreateAsync(targetProvider);
        var import = await target.WithAsync(db => Yaml(db).ImportAsync(exported, target.Curator, null, Ct));
        Assert.Equal(4, import.Count(TaxonomyChangeKind.Add));
        Assert.Equal(import.Proposed.Count, import.Proposed.Select(p => p.ChangeId).Distinct().Count());
        await using (var db = target.NewContext()) Assert.False(await db.Intents.AnyAsync(Ct));

        var approval = await target.WithAsync(db => Changes(db).ApproveManyAsync(import.Proposed.Select(p => p.ChangeId!.Value).ToList(), target.Reviewer, "restore", Ct));
        Assert.Equal(1, approval.VersionNumber);

        var again = await target.WithAsync(db => Yaml(db).ExportAsync(Ct));
        Assert.Equal(exported, again);
        Assert.Empty((await target.WithAsync(db => Yaml(db).ImportAsync(again, target.Curator, null, Ct))).Proposed);
    }

    [Fact]
    public async Task Import_ProposesAddsRenamesEditsAndDeprecations_AndSkipsWhatIsAlreadyPending()
    {
        await using var bed = await CreateAsync();
        await SeedRichTaxonomyAsync(bed);
        var yaml = (await bed.WithAsync(db => Yaml(db).ExportAsync(Ct)))
            .Replace("en: password reset", "en: Reset password", StringComparison.Ordinal)          // no-op: already this name
            .Replace("Any failed or stuck recharge.", "Any failed, stuck or doubled recharge.", StringComparison.Ordinal)
            .Replace("en: Redeem a gift card", "en: Redeem a gift code", StringComparison.Ordinal)
            .Replace("- key: password_reset", "- key: two_factor_setup\n    status: active\n    names:\n      en: Set up 2FA\n  - key: password_reset", StringComparison.Ordinal);
        // Leave account/password_reset out entirely: it is proposed for deprecation.
        yaml = yaml[..yaml.IndexOf("  - key: password_reset", StringComparison.Ordinal)];

        var result = await bed.WithAsync(db => Yaml(db).ImportAsync(yaml, bed.Curator, null, Ct));
        Assert.Equal(
            [(TaxonomyChangeKind.Add, "two_factor_setup"), (TaxonomyChangeKind.Rename, "gift_card_redeem"), (TaxonomyChangeKind.Edit, "recharge_problem"), (TaxonomyChangeKind.Deprecate, "password_reset")],
            result.Proposed.Select(p => (p.Kind, p.IntentKey)).OrderBy(p => p.Kind));
        Assert.Equal(0, result.Proposed.Single(p => p.Kind == TaxonomyChangeKind.Deprecate).Line);
        Assert.True(result.Proposed.Single(p => p.Kind == TaxonomyChangeKind.Add).Line > 1);
        await using (var db = bed.NewContext())
        {
            Assert.Equal("Any failed or stuck recharge.", (await db.Intents.SingleAsync(i => i.Key == "recharge_problem", Ct)).IncludeCriteria);
            Assert.Equal(4, await db.TaxonomyChanges.CountAsync(c => c.Status == ReviewStatus.Pending, Ct));
        }

        var again = await bed.WithAsync(db => Yaml(db).ImportAsync(yaml, bed.Curator, null, Ct));
        Assert.Empty(again.Proposed);
        Assert.Equal(4, again.AlreadyPending.Count);

        var keep = await bed.WithAsync(db => Yaml(db).ImportAsync(yaml, bed.Curator, new TaxonomyImportOptions(DeprecateMissing: false, DryRun: true), Ct));
        Assert.True(keep.DryRun);
        Assert.DoesNotContain(keep.AlreadyPending.Concat(keep.Proposed), p => p.Kind == TaxonomyChangeKind.Deprecate);
    }

    [Theory]
    [InlineData("format: puo-taxonomy/1\ndomains:\n- key: payments\n  intents: [a, b\n", 4, "The YAML is malformed")]
    [InlineData("domains:\n- key: payments\n  names: {en: Payments}\n  intents:\n  - key: RechargeFailed\n    names: {en: x}\n", 5, "snake_case")]
    [InlineData("domains:\n- key: payments\n  names: {en: P}\n  intents:\n  - key: a_one\n    names: {en: x}\n  - key: a_one\n    names: {en: y}\n", 7, "Duplicate intent key 'a_one' (first at line 5)")]
    [InlineData("domains:\n- key: payments\n  names: {en: P}\n  intents:\n  - key: a_one\n    names: {en: x}\n    exmaples: [hi]\n", 7, "Unknown field 'exmaples'")]
    [InlineData("domains:\n- key: payments\n  names: {en: P}\n  intents:\n  - key: a_one\n    names: {zh-CN: 中文}\n", 6, "A name in 'en' is required")]
    [InlineData("domains:\n- key: payments\n  names: {en: P}\n  intents:\n  - key: a_one\n    status: retired\n    names: {en: x}\n", 6, "status must be active, draft or deprecated")]
    [InlineData("domains:\n- key: payments\n  intents:\n  - key: a_one\n    names: {en: x}\n", 2, "Unknown domain 'payments'")]
    [InlineData("domains:\n- key: payments\n  names: {en: P}\n  intents:\n  - key: a_one\n    names: {en: x}\n    names: {en: y}\n", 7, "Duplicate key")]
    public async Task Import_ABadFile_FailsWithTheLine(string yaml, int line, string message)
    {
        await using var bed = await CreateAsync();
        var ex = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync(db => Yaml(db).ImportAsync(yaml, bed.Curator, null, Ct)));
        Assert.True(ex.Errors.ContainsKey($"line {line}"), $"expected an error on line {line}, got: {string.Join(" | ", ex.Errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value)}"))}");
        Assert.Contains(ex.Errors[$"line {line}"], m => m.Contains(message, StringComparison.Ordinal));
        // The same problem carries its code, so the console words it in the reader's language.
        Assert.Contains(ex.Codes[$"line {line}"], c => c is not null && c.English.Contains(message, StringComparison.Ordinal));
        Assert.StartsWith("line ", ex.Message, StringComparison.Ordinal);
        await using var db = bed.NewContext();
        Assert.False(await db.TaxonomyChanges.AnyAsync(Ct));
    }

    [Fact]
    public void Check_AcceptsAnEmptyIntentList_AndReportsEveryProblemWithItsLine()
    {
        Assert.Empty(TaxonomyYaml.Check("domains:\n- key: payments\n  names: {en: P}\n  intents:\n"));
        var errors = TaxonomyYaml.Check("domains:\n- key: Payments\n  names: {en: P}\n  intents:\n  - key: a_one\n    names: {en: x}\n    guide: notes.txt\n");
        Assert.Equal([2, 7], errors.Select(e => e.Line));
    }

    [Fact]
    public async Task Import_AFileWithoutIntents_IsRefused_RatherThanDeprecatingEverything()
    {
        await using var bed = await CreateAsync();
        await SeedRichTaxonomyAsync(bed);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => bed.WithAsync(db => Yaml(db).ImportAsync("domains: []\n", bed.Curator, null, Ct)));
        Assert.Contains("deprecate the whole taxonomy", ex.Message, StringComparison.Ordinal);
        Assert.Equal(CodedMessage.Of(TaxonomyYamlMessage.NoIntents), Assert.Single(ex.Codes["line 1"]));
    }

    [Fact]
    public async Task Import_ByAReviewer_IsForbidden()
    {
        await using var bed = await CreateAsync();
        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => bed.WithAsync(db => Yaml(db).ImportAsync("domains: []\n", bed.Reviewer, null, Ct)));
        Assert.Equal(CodedMessage.Of(TaxonomyRefusal.OnlyProposersImport), ex.Code);
        Assert.Equal("Only Curator or Admin users may import a taxonomy.", ex.Message);
    }
}
