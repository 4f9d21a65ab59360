using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Components.Scripts;

namespace PuoAiOps.Web.Tests.Scripts;

/// <summary>The script pages' components on their own (bUnit): findings in place, diffs, field checks, who may review.</summary>
public sealed class ScriptComponentTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    public ScriptComponentTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Render<MudPopoverProvider>();
    }

    [Fact]
    public void LintedBody_MarksEachFindingAtItsPosition_AndListsTheDeclarationFindingsWithoutAMark()
    {
        const string body = "Hi, we guarantee it. Top up now.";
        LintFinding[] findings =
        [
            new(LintRules.BannedPhrase, LintSeverity.Error, "promise", 7, 16),
            new(LintRules.Glossary, LintSeverity.Warning, "write recharge", 21, 27),
            new(LintRules.UnusedVariable, LintSeverity.Warning, "unused", 0, 0),
        ];
        var cut = _context.Render<LintedBody>(p => p.Add(c => c.Body, body).Add(c => c.Findings, findings).Add(c => c.Locale, "en"));

        var marks = cut.FindAll("[data-testid=linted-body] mark");
        Assert.Equal(["guarantee", "Top up"], marks.Select(m => m.TextContent));
        Assert.Contains("script-finding-error", marks[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("script-finding-warning", marks[1].ClassName, StringComparison.Ordinal);
        Assert.Equal(body, string.Concat(cut.Find("[data-testid=linted-body]").ChildNodes
            .Where(n => n is not AngleSharp.Dom.IElement { TagName: "SUP" }).Select(n => n.TextContent)));
        Assert.Equal(3, cut.FindAll("[data-testid=findings] li").Count);
        Assert.Contains("1 error(s) and 2 warning(s)", cut.Find("[data-testid=lint-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LintedBody_Split_KeepsOverlappingFindingsEachOnTheirSpan()
    {
        var pieces = LintedBody.Split("abcdefgh", [new("a", LintSeverity.Error, "", 1, 5), new("b", LintSeverity.Warning, "", 3, 7)]);
        Assert.Equal(["a", "bc", "de", "fg", "h"], pieces.Select(p => p.Text));
        Assert.Equal([[], [0], [0, 1], [1], []], pieces.Select(p => p.Findings.ToArray()));
        Assert.Equal([1], pieces[3].EndsHere);
    }

    [Fact]
    public void LintedBody_InChinese_WordsTheRules()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var cut = _context.Render<LintedBody>(p => p.Add(c => c.Body, "我们保证退款。").Add(c => c.Findings, [new LintFinding(LintRules.BannedPhrase, LintSeverity.Error, "promise", 2, 4)]));
        Assert.Equal("保证", cut.Find("mark").TextContent);
        Assert.Contains("错误 · 禁用词", cut.Find("[data-testid=findings]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LintedBody_InChinese_WordsTheFindingsMessage_FromItsCode()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var findings = ScriptLinter.Lint("您好，{{order_id}} 已处理。", [], StyleRuleDefaults.For("zh-CN", ScriptChannels.Email))
            .Where(f => f.Rule == LintRules.UndeclaredVariable).ToList();
        Assert.Equal("{{order_id}} is used but not declared; declare it with a type, or remove it.", Assert.Single(findings).Message);

        var cut = _context.Render<LintedBody>(p => p.Add(c => c.Body, "您好，{{order_id}} 已处理。").Add(c => c.Findings, findings).Add(c => c.Locale, "zh-CN"));
        Assert.Contains("使用了 {{order_id}} 但未声明；请声明它并指定类型，或删除它。", cut.Find("[data-testid=findings]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DiffView_ShowsRemovedAndAddedText_ChineseByCharacter()
    {
        var cut = _context.Render<DiffView>(p => p.Add(c => c.Segments, ScriptDiff.Compute("您好，退款三天到账。", "您好，退款五天到账。")).Add(c => c.Locale, "zh-CN"));
        Assert.Equal("三", cut.Find("del").TextContent);
        Assert.Equal("五", cut.Find("ins").TextContent);
        Assert.Equal("zh-CN", cut.Find("[data-testid=diff]").GetAttribute("lang"));
    }

    [Fact]
    public async Task DraftEditor_WithoutTitleOrBody_ShowsTheMessagesAtTheFields_AndSavesNothing()
    {
        var saved = new List<DraftModel>();
        var model = new DraftModel { Variables = [new VariableRow { Name = "Order Id", Type = ScriptVariableType.Date, Default = "soon" }] };
        var cut = _context.Render<DraftEditor>(p => p.Add(c => c.Model, model)
            .Add(c => c.OnSave, EventCallback.Factory.Create<DraftModel>(this, m => saved.Add(m))));
        // A bad variable shows its problem at once; required fields only after the first save.
        Assert.Contains("Use lower-case letters", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("The default does not fit the type.", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Give the script a title.", cut.Markup, StringComparison.Ordinal);

        await cut.Find("[data-testid=save-draft]").ClickAsync(new());
        Assert.Contains("Give the script a title.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Write the script's text.", cut.Find("[data-testid=draft-editor]").TextContent, StringComparison.Ordinal);
        Assert.Empty(saved);

        (model.Title, model.Body) = ("Refund", "Hi {{order_id}}");
        model.Variables[0] = new VariableRow { Name = "order_id", Type = ScriptVariableType.Date, Default = "2026-12-31" };
        cut.Render();
        await cut.Find("[data-testid=save-draft]").ClickAsync(new());
        Assert.Same(model, Assert.Single(saved));
    }

    [Fact]
    public void DraftModel_ToDraft_SplitsLinksAndKeepsTheVariables()
    {
        var model = new DraftModel { Body = "x", SopLinks = "refunds#timing, payouts\nfees", Variables = [new VariableRow { Name = "order_id", Required = false, Default = " " }] };
        var draft = model.ToDraft(Guid.Empty);
        Assert.Equal(["refunds#timing", "payouts", "fees"], draft.SopLinks);
        Assert.Equal([new ScriptVariable("order_id", ScriptVariableType.Text, false, null)], draft.Variables);
        Assert.False(model.VersionDiffers(model.Copy()));
        Assert.True(model.VersionDiffers(new DraftModel { Body = "y" }));
    }

    [Fact]
    public void ReviewPanel_HidesApproval_FromTheVersionsOwnAuthor()
    {
        var cut = _context.Render<ReviewPanel>(p => p.Add(c => c.Version, Version(ScriptVersionStatus.InReview))
            .Add(c => c.CanReview, true).Add(c => c.OwnChange, true));
        Assert.NotNull(cut.Find("[data-testid=own-change]"));
        Assert.Empty(cut.FindAll("[data-testid=approve]"));
    }

    [Fact]
    public void ReviewPanel_LintErrorsBlockSubmission_WarningsDoNot()
    {
        var blocked = _context.Render<ReviewPanel>(p => p.Add(c => c.Version, Version(ScriptVersionStatus.Draft)).Add(c => c.CanEdit, true).Add(c => c.Errors, 2));
        Assert.True(blocked.Find("[data-testid=submit-review]").HasAttribute("disabled"));
        Assert.Contains("2 style error(s) block the review", blocked.Find("[data-testid=submit-hint]").TextContent, StringComparison.Ordinal);
        var open = _context.Render<ReviewPanel>(p => p.Add(c => c.Version, Version(ScriptVersionStatus.Draft)).Add(c => c.CanEdit, true).Add(c => c.Errors, 0));
        Assert.False(open.Find("[data-testid=submit-review]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ReviewPanel_RejectWithoutANote_AsksForOne()
    {
        var rejected = new List<string>();
        var cut = _context.Render<ReviewPanel>(p => p.Add(c => c.Version, Version(ScriptVersionStatus.InReview)).Add(c => c.CanReview, true)
            .Add(c => c.OnReject, EventCallback.Factory.Create<string>(this, n => rejected.Add(n))));
        await cut.Find("[data-testid=reject]").ClickAsync(new());
        Assert.Contains("Say why, so the author can fix it.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(rejected);
    }

    [Fact]
    public void ConflictView_ShowsBothTexts_AndTheirDifference()
    {
        var result = new SaveResult(SaveOutcome.Conflict, 1, 2, 3, Guid.NewGuid(), [], YourBody: "Hi, refunds take 3 days.", TheirBody: "Hi, refunds take 5 days.");
        var cut = _context.Render<ConflictView>(p => p.Add(c => c.Result, result).Add(c => c.TheirName, "Mei"));
        Assert.Equal("Hi, refunds take 5 days.", cut.Find("[data-testid=conflict-theirs]").TextContent);
        Assert.Equal("Hi, refunds take 3 days.", cut.Find("[data-testid=conflict-yours]").TextContent);
        Assert.Equal(("5", "3"), (cut.Find("del").TextContent, cut.Find("ins").TextContent));
        Assert.Contains("Mei saved it", cut.Find("[data-testid=conflict]").TextContent, StringComparison.Ordinal);
        // The name keeps its own lang inside the sentence.
        Assert.Equal("Mei", cut.Find("[data-testid=conflict] span[lang=en]").TextContent);
    }

    [Fact]
    public void ReviewPanel_RejectionNote_MarksTheReviewersNameAndNoteWithTheirLang()
    {
        var version = Version(ScriptVersionStatus.Rejected) with { ReviewerId = "r1", ReviewNote = "语气太生硬" };
        var cut = _context.Render<ReviewPanel>(p => p.Add(c => c.Version, version).Add(c => c.Names, new Dictionary<string, string> { ["r1"] = "王芳" }));
        var note = cut.Find("[data-testid=rejection-note]");
        Assert.Equal(["王芳", "语气太生硬"], note.QuerySelectorAll("span[lang=zh]").Select(s => s.TextContent));
        Assert.Contains("Rejected by 王芳:", note.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StyleRulesModel_RoundTripsTheDefaults_AndNamesTheLinesItCannotRead()
    {
        var defaults = StyleRuleDefaults.For("zh-CN", ScriptChannels.Email);
        var (rules, bad) = StyleRulesModel.From(defaults).ToRules();
        Assert.Empty(bad);
        Assert.Equal(defaults.BannedPhrases, rules.BannedPhrases);
        Assert.Equal(defaults.Glossary, rules.Glossary);
        Assert.Equal(defaults.MaxLength, rules.MaxLength);

        var model = StyleRulesModel.From(defaults);
        model.BannedPhrases = "asap | jargon | as soon as we can\nfree money\nours | bragging";
        model.Glossary = "top up => recharge\nlogin";
        (rules, bad) = model.ToRules();
        Assert.Equal([new BannedPhrase("asap", BannedPhraseKind.Jargon, "as soon as we can")], rules.BannedPhrases);
        Assert.Equal([new GlossaryTerm("top up", "recharge")], rules.Glossary);
        Assert.Equal(["banned:2", "banned:3", "glossary:2"], bad);
    }

    [Fact]
    public void CoverageChart_DrawsTheMostAskedGapsOnTop_OneSeriesPerLanguage()
    {
        var gaps = Enumerable.Range(0, 20).Select(i => new CoverageGap(i, $"intent_{i}", i % 2 == 0 ? "en" : "zh-CN", 100 - i, false)).ToList();
        var json = System.Text.Json.JsonSerializer.Serialize(CoverageChart.Option(gaps, l => l.ToUpperInvariant()));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var categories = doc.RootElement.GetProperty("yAxis").GetProperty("data").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(CoverageChart.MaxBars, categories.Count);
        Assert.Equal("intent_0 · en", categories[^1]);
        Assert.Equal(["EN", "ZH-CN"], doc.RootElement.GetProperty("series").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public void PerformanceTable_ShowsEachVersion_NewestFirst_WithItsRates()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        VersionPerformance[] rows = [new(1, 1, ScriptVersionStatus.Retired, 10, 8, 3, 1, 4, 2), new(2, 2, ScriptVersionStatus.Approved, 5, 5, 0, 0, 5, 0)];
        var cut = _context.Render<PerformanceTable>(p => p.Add(c => c.Rows, rows));
        var cells = cut.FindAll("[data-testid=performance] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal("v2", cells[0][0]);
        Assert.Equal(["10", "8", "3 / 1 (75%)", "4 (50%)", "2"], cells[1].Skip(2));
        Assert.Equal("0 / 0 (—)", cells[0][4]);
        var none = _context.Render<PerformanceTable>(p => p.Add(c => c.Rows, [new VersionPerformance(1, 1, ScriptVersionStatus.Draft, 0, 0, 0, 0, 0, 0)]));
        Assert.NotNull(none.Find("[data-testid=performance-none]"));
    }

    [Fact]
    public void VersionHistory_ShowsEachVersionsTime_InTheWorkspacesZone()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        var saved = new DateTime(2026, 3, 1, 20, 30, 0, DateTimeKind.Utc);
        var versions = new[] { Version(ScriptVersionStatus.Draft) with { UpdatedAt = saved } };
        var shanghai = new PuoAiOps.Application.Admin.WorkspaceTime(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        var cut = _context.Render<VersionHistory>(p => p.Add(c => c.Versions, versions).Add(c => c.Time, shanghai));

        var time = cut.Find("[data-version='2'] time");
        Assert.StartsWith("3/2/2026 4:30", time.TextContent, StringComparison.Ordinal); // the next day there, 8 hours on
        Assert.Equal("2026-03-02T04:30:00.0000000+08:00", time.GetAttribute("datetime"));
    }

    private static VersionView Version(ScriptVersionStatus status) => new(
        7, 2, status, "Hi", [], [], null, "u1", DateTime.UtcNow, "u1", DateTime.UtcNow, null, null, null, null, Guid.NewGuid(), []);

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        CultureInfo.CurrentCulture = _previous;
        await _context.DisposeAsync();
    }
}
