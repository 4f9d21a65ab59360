using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;

namespace PuoAiOps.Application.Tests.Demo;

/// <summary>
/// The reply-script issue's acceptance lines for the demo workspace, one test each, in both languages: scripts in every
/// state, a few near-duplicates, stale flags, the coverage view with gaps, English and Chinese scripts. Read through
/// the services the console uses, so a demo change that drops any of them fails here.
/// </summary>
[Collection(SeededDemoCollection.Name)]
public sealed class DemoScriptLinesTests(SeededDemoFixture demo)
{
    private static readonly string[] Locales = ["en", "zh-CN"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (ScriptLibrary Library, ScriptInsights Insights) Services(Persistence.PuoDbContext db)
    {
        var library = new ScriptLibrary(db, new ScriptEditor(db, new StyleRuleSettings(db), NullLogger<ScriptEditor>.Instance));
        return (library, new ScriptInsights(db, library));
    }

    [Fact]
    public async Task DemoLibrary_ListsScriptsInEveryState_InEachLanguage()
    {
        await using var db = demo.Database.Open();
        var (library, _) = Services(db);
        var missing = new List<string>();
        foreach (var locale in Locales)
            foreach (var status in Enum.GetValues<ScriptVersionStatus>())
                if ((await library.SearchAsync(new ScriptQuery(Locale: locale, Status: status), Ct)).Count == 0)
                    missing.Add($"{locale}/{status}");
        Assert.True(missing.Count == 0, "no script shown in state: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task DemoInsights_FlagAFewNearDuplicates_InEachLanguage()
    {
        await using var db = demo.Database.Open();
        var pairs = await Services(db).Insights.NearDuplicatesAsync(ct: Ct);
        foreach (var locale in Locales)
            Assert.True(pairs.Count(p => p.Keep.Locale == locale) >= 2, $"fewer than two near-duplicate pairs in {locale}");
        Assert.All(pairs, p => Assert.NotEqual(p.Keep.Id, p.Merge.Id));
        Assert.All(pairs, p => Assert.False(string.IsNullOrWhiteSpace(p.Suggestion)));
    }

    [Fact]
    public async Task DemoInsights_FlagStaleScripts_InEachLanguage()
    {
        await using var db = demo.Database.Open();
        var stale = await Services(db).Insights.StaleAsync(Ct);
        foreach (var locale in Locales) Assert.Contains(stale, s => s.Locale == locale);
        Assert.All(stale, s => Assert.True(s.SopUpdatedAt > s.ApprovedAt, $"script {s.ScriptId} flagged stale without a later SOP change"));
    }

    [Fact]
    public async Task DemoCoverage_ShowsGaps_InEachLanguage_WithAndWithoutDrafts()
    {
        await using var db = demo.Database.Open();
        var coverage = await Services(db).Insights.CoverageAsync(Ct);
        Assert.True(coverage.Covered < coverage.Total, "the demo's coverage has no gap");
        foreach (var locale in Locales) Assert.Contains(coverage.Gaps, g => g.Locale == locale);
        Assert.Contains(coverage.Gaps, g => g.HasDraft);
        Assert.Contains(coverage.Gaps, g => !g.HasDraft);
        Assert.Contains(coverage.Gaps, g => g.Questions > 0);
    }

    [Fact]
    public async Task DemoBot_ServesEnglishAndChineseScripts_WrittenInTheirLanguage()
    {
        await using var db = demo.Database.Open();
        var served = await Services(db).Library.ServedAsync(ct: Ct);
        var english = served.Where(s => s.Locale == "en").ToList();
        var chinese = served.Where(s => s.Locale == "zh-CN").ToList();
        Assert.NotEmpty(english);
        Assert.NotEmpty(chinese);
        Assert.All(english, s => Assert.False(HasHan(s.Body), $"English script {s.ScriptId} holds Chinese characters"));
        Assert.All(chinese, s => Assert.True(HasHan(s.Body), $"Chinese script {s.ScriptId} holds no Chinese characters"));
    }

    private static bool HasHan(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');
}
