using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor.Services;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Components.Taxonomy;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Taxonomy;

/// <summary>
/// The taxonomy pages' pieces on their own (bUnit): the impact preview keeps its detail and encodes
/// what users wrote, a refused file says the line of each problem, in the reader's language.
/// </summary>
public sealed class TaxonomyComponentsTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    public TaxonomyComponentsTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static TaxonomyImpact MergeImpact() => new(
        TaxonomyChangeKind.Merge, ["coins_missing", "coins_gone"], ["coins_not_arrived"],
        new ReferenceCounts(Labels: 2, FinalLabels: 1234, Conversations: 1),
        [new ImpactGroup("coins_missing", new ReferenceCounts(Labels: 2, FinalLabels: 1000)), new ImpactGroup("coins_gone", new ReferenceCounts(FinalLabels: 234, Conversations: 1))],
        [new ScriptImpact(7, "zh-CN", "Coins missing", Published: true, "coins_missing", "coins_not_arrived", ScriptAction.Retire, ConflictsWithScriptId: 9)],
        [new ImpactSample(1, "coins gone <b>bold</b>", "coins_missing", "coins_not_arrived", "Merge")],
        [CodedMessage.Of(ImpactNote.ScriptRetired, 7L, "zh-CN", "coins_missing", 9L, "coins_not_arrived")]);

    [Fact]
    public void ImpactPreview_ShowsTotalsGroupsScriptsAndSamples_WithUserTextEncoded()
    {
        var preview = _context.Render<ImpactPreview>(p => p.Add(x => x.Impact, MergeImpact()));
        Assert.Equal("1,237", preview.Find("[data-testid=impact-total]").TextContent);
        Assert.Contains("coins_missing and coins_gone", preview.Markup, StringComparison.Ordinal);
        Assert.Contains("coins gone &lt;b&gt;bold&lt;/b&gt;", preview.Markup, StringComparison.Ordinal);
        Assert.Empty(preview.FindAll(".impact-samples b"));
        Assert.Contains("1 script(s) retired", preview.Find("[data-testid=script-conflicts]").TextContent, StringComparison.Ordinal);
        Assert.Contains("target has script #9", preview.Markup, StringComparison.Ordinal);
        Assert.Contains("Where they come from", preview.Markup, StringComparison.Ordinal);
        Assert.Contains("merged", preview.Find(".impact-samples").TextContent, StringComparison.Ordinal);
        Assert.Equal("Script #7 (zh-CN) of coins_missing conflicts with script #9 of coins_not_arrived: it will be retired; copy anything worth keeping first.",
            preview.Find(".impact-notes li").TextContent);
    }

    [Fact]
    public void ImpactPreview_InChinese_WordsItInChinese_AndFormatsNumbersByCulture()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        var preview = _context.Render<ImpactPreview>(p => p.Add(x => x.Impact, MergeImpact()));
        Assert.Contains("批准后将迁移", preview.Markup, StringComparison.Ordinal);
        Assert.Contains("coins_missing 和 coins_gone", preview.Markup, StringComparison.Ordinal);
        Assert.Contains("合并", preview.Find(".impact-samples").TextContent, StringComparison.Ordinal);
        Assert.Equal("1,237", preview.Find("[data-testid=impact-total]").TextContent);
        Assert.Equal("coins_missing 的话术 #7（zh-CN）与 coins_not_arrived 的话术 #9 冲突：它将被停用；请先复制需要保留的内容。",
            preview.Find(".impact-notes li").TextContent);
    }

    [Fact]
    public void ImpactPreview_OfNothing_SaysNothingMoves()
    {
        var empty = new TaxonomyImpact(TaxonomyChangeKind.Deprecate, ["old_key"], [], ReferenceCounts.None, [], [], [], []);
        var preview = _context.Render<ImpactPreview>(p => p.Add(x => x.Impact, empty));
        Assert.Contains("refers to old_key yet: nothing moves", preview.Markup, StringComparison.Ordinal);
        Assert.Empty(preview.FindAll("[data-testid=impact-total]"));
        Assert.Contains("No reply script is affected.", preview.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void CodedRefusal_IsWordedInTheReadersLanguage_AtTheAlertAndTheField()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var text = _context.Services.GetRequiredService<IStringLocalizer<TaxonomyText>>();
        var refused = new Application.Common.ValidationException("domainKey", CodedMessage.Of(TaxonomyRefusal.UnknownDomain, "nowhere"));
        var refusal = ApplicationErrorMapping.From(refused)!.Worded(text.Word);

        Assert.Equal("未知领域“nowhere”。", refusal.Title);
        Assert.Equal("未知领域“nowhere”。", FieldErrors.ServerMessage(refusal, "domainKey"));
        var alert = _context.Render<RefusalAlert>(p => p.Add(x => x.Error, refusal));
        Assert.Equal("未知领域“nowhere”。", alert.Find("[data-testid=error-feedback] li").TextContent);
        // The API and the CLI keep the English wording.
        Assert.Equal("Unknown domain 'nowhere'.", refused.Message);
    }

    [Fact]
    public void RefusalAlert_OfAFile_ListsEachProblemWithItsLine_InOrder()
    {
        var refusal = ApplicationErrorMapping.From(new Application.Common.ValidationException("bad file", new Dictionary<string, string[]>
        {
            ["line 12"] = ["Unknown status 'retired'."],
            ["line 5"] = ["The intent key 'Refund Status' must be snake_case."],
        }))!;
        var alert = _context.Render<RefusalAlert>(p => p.Add(x => x.Error, refusal));
        var items = alert.FindAll("[data-testid=error-feedback] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Line 5: The intent key 'Refund Status' must be snake_case.", "Line 12: Unknown status 'retired'."], items);
        Assert.Contains("The change was refused", alert.Markup, StringComparison.Ordinal);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var chinese = _context.Render<RefusalAlert>(p => p.Add(x => x.Error, refusal));
        Assert.StartsWith("第 5 行：", chinese.FindAll("li")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusalAlert_OfAYamlFile_WordsEachLinesProblemInChinese()
    {
        // The reader's problems carry codes; the import refuses them by line as TaxonomyYaml does.
        var problems = Application.Taxonomy.Yaml.TaxonomyYaml.Check(
            "domains:\n- key: payments\n  names: {en: P}\n  intents:\n  - key: a_one\n    names: {en: x}\n  - key: a_one\n    names: {en: y}\n    status: retired\n");
        var byLine = problems.GroupBy(e => $"line {e.Line}").ToList();
        var refused = new Application.Common.ValidationException(problems[0].ToString(),
            byLine.ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), byLine.ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()));

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var text = _context.Services.GetRequiredService<IStringLocalizer<TaxonomyText>>();
        var alert = _context.Render<RefusalAlert>(p => p.Add(x => x.Error, ApplicationErrorMapping.From(refused)!.Worded(text.Word)));
        Assert.Equal(["第 7 行：意图键名“a_one”重复（首次出现在第 5 行）。", "第 9 行：status 必须是 active、draft 或 deprecated，而不是“retired”。"],
            alert.FindAll("[data-testid=error-feedback] li").Select(li => li.TextContent));
        Assert.Contains(refused.Errors["line 7"], m => m == "Duplicate intent key 'a_one' (first at line 5).");
    }

    [Fact]
    public void RefusalAlert_OfAConflict_IsAWarningWithTheServicesMessage()
    {
        var refusal = ApplicationErrorMapping.From(new Application.Common.ConflictException("Taxonomy change #4 is already rejected."))!;
        var alert = _context.Render<RefusalAlert>(p => p.Add(x => x.Error, refusal));
        Assert.Contains("mud-alert-text-warning", alert.Markup, StringComparison.Ordinal);
        Assert.Contains("Someone changed this meanwhile", alert.Markup, StringComparison.Ordinal);
        Assert.Contains("already rejected", alert.Find("li").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusChip_WordsEveryIntentAndReviewStatus_InBothLanguages()
    {
        foreach (var culture in new[] { "en", "zh-CN" })
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            foreach (var status in Enum.GetValues<IntentStatus>().Cast<Enum>().Concat(Enum.GetValues<ReviewStatus>().Cast<Enum>()))
            {
                var chip = _context.Render<StatusChip>(p => p.Add(x => x.Value, status));
                Assert.DoesNotContain("Status.", chip.Markup, StringComparison.Ordinal);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        CultureInfo.CurrentCulture = _previous;
        await _context.DisposeAsync();
    }
}
