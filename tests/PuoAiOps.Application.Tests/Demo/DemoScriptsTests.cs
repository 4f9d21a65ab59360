using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Tests.Demo;

/// <summary>The demo shows every script state, both locales, near-duplicates, stale flags and coverage gaps.</summary>
[Collection(SeededDemoCollection.Name)]
public sealed class DemoScriptsTests(SeededDemoFixture demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ScriptInsights Insights(Persistence.PuoDbContext db)
    {
        var editor = new ScriptEditor(db, new StyleRuleSettings(db), NullLogger<ScriptEditor>.Instance);
        return new ScriptInsights(db, new ScriptLibrary(db, editor));
    }

    [Fact]
    public async Task DemoScripts_CoverEveryState_BothLocales_AndTwoChannels()
    {
        await using var db = demo.Database.Open();
        var states = await db.ScriptVersions.Select(v => v.Status).Distinct().ToListAsync(Ct);
        Assert.Equal(Enum.GetValues<ScriptVersionStatus>().Order(), states.Order());
        Assert.Equal(["en", "zh-CN"], (await db.Scripts.Select(s => s.Locale).Distinct().ToListAsync(Ct)).Order(StringComparer.Ordinal));
        Assert.Equal([ScriptChannels.Email, ScriptChannels.Im], (await db.Scripts.Select(s => s.Channel).Distinct().ToListAsync(Ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DemoInsights_ShowNearDuplicatesStaleFlagsAndCoverageGaps()
    {
        await using var db = demo.Database.Open();
        var insights = Insights(db);
        Assert.NotEmpty(await insights.NearDuplicatesAsync(ct: Ct));
        Assert.NotEmpty(await insights.StaleAsync(Ct));
        var coverage = await insights.CoverageAsync(Ct);
        Assert.NotEmpty(coverage.Gaps);
        Assert.InRange(coverage.Rate, 0.5, 0.99);
        Assert.True(coverage.Gaps.Zip(coverage.Gaps.Skip(1)).All(p => p.First.Questions >= p.Second.Questions), "gaps are not worst first");
    }

    [Fact]
    public async Task DemoPerformance_CountsServedTurnsPerVersion()
    {
        await using var db = demo.Database.Open();
        var scriptId = await db.Scripts.Where(s => s.Channel == ScriptChannels.Im && s.Locale == "en" && s.PublishedVersionId != null).Select(s => s.Id).FirstAsync(Ct);
        var performance = await Insights(db).PerformanceAsync(scriptId, Ct);
        Assert.Contains(performance, p => p.Served > 0 && p.Conversations > 0 && p.ResolutionRate is > 0 and <= 1);
    }

    [Fact]
    public async Task DemoServedScripts_PassTheDefaultStyleRules_WithoutErrors()
    {
        await using var db = demo.Database.Open();
        var editor = new ScriptEditor(db, new StyleRuleSettings(db), NullLogger<ScriptEditor>.Instance);
        var served = await new ScriptLibrary(db, editor).ServedAsync(ct: Ct);
        Assert.NotEmpty(served);
        var errors = served.SelectMany(s => ScriptLinter.Lint(s.Body, s.Variables, StyleRuleDefaults.For(s.Locale, s.Channel))
            .Where(f => f.Severity == LintSeverity.Error).Select(f => $"{s.IntentKey}/{s.Locale}/{s.Channel}: {f.Rule} {f.Message}")).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
