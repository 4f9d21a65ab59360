using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>The overview's figures cache: keyed by the rollup watermark, so a rollup run is seen at once and a cached view equals a fresh one.</summary>
public sealed class OverviewCacheTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static Conversation Conv(string user, DateTime at, string locale = "en") => new()
    {
        UserRef = user, StartedAt = at, EndedAt = at.AddMinutes(3), IntentConfidence = 0.9, Outcome = ConversationOutcome.Resolved,
        Channel = "app", Locale = locale,
        Turns =
        [
            new Turn { Ordinal = 0, Role = TurnRole.User, Text = "question", CreatedAt = at },
            new Turn { Ordinal = 1, Role = TurnRole.Bot, Text = "answer", CreatedAt = at.AddSeconds(1), Source = AnswerSource.Script, LatencyMs = 250 },
        ],
    };

    [Fact]
    public async Task ScheduleRun_LeavesTheDashboardsDefaultViewCached()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var clock = new ManualClock();
        var day = clock.GetUtcNow().UtcDateTime.Date.AddDays(-2);
        await using (var db = workspace.NewContext())
        {
            db.Conversations.Add(Conv("a", day.AddHours(9)));
            await db.SaveChangesAsync(Ct);
        }
        await using var services = MetricsHost.Build(workspace.DataDir, clock);
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        var today = options.Calendar.DayOf(clock.GetUtcNow().UtcDateTime);
        var defaultView = new MetricsFilter(today.AddDays(-7), today.AddDays(-1));
        Assert.False(services.GetRequiredService<OverviewCache>().Holds(defaultView));

        await services.WithAsync(sp => MetricsSchedule.RunDueAsync(sp, options, clock, Ct));

        Assert.True(services.GetRequiredService<OverviewCache>().Holds(defaultView));
    }

    [Fact]
    public async Task Overview_AfterARollupRun_ShowsTheNewTraffic_AndACachedViewEqualsAFreshOne()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var clock = new ManualClock();
        var day = clock.GetUtcNow().UtcDateTime.Date.AddDays(-2);
        await using (var db = workspace.NewContext())
        {
            db.Conversations.AddRange(Conv("a", day.AddHours(9)), Conv("b", day.AddHours(10), "zh-CN"));
            await db.SaveChangesAsync(Ct);
        }
        await using var services = MetricsHost.Build(workspace.DataDir, clock);
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        var d = DateOnly.FromDateTime(day);
        var filter = new MetricsFilter(d.AddDays(-6), d);

        var first = await OverviewAsync(services, filter);
        var again = await OverviewAsync(services, filter);
        services.GetRequiredService<OverviewCache>().Clear();
        var fresh = await OverviewAsync(services, filter);
        Assert.Equal(2, first.Funnel.Involved);
        Assert.Equal(Describe(fresh), Describe(again));
        // A filter is its own entry.
        Assert.Equal(1, (await OverviewAsync(services, filter with { Locale = "en" })).Funnel.Involved);

        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = workspace.NewContext())
        {
            db.Conversations.Add(Conv("c", day.AddHours(11)));
            await db.SaveChangesAsync(Ct);
        }
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));

        Assert.Equal(3, (await OverviewAsync(services, filter)).Funnel.Involved);
        Assert.Equal(2, (await OverviewAsync(services, filter with { Locale = "en" })).Funnel.Involved);
        var reuse = (await OverviewAsync(services, filter)).Headline.Single(i => i.Key == MetricKeys.Reuse);
        Assert.Equal(3, reuse.Denominator);
    }

    private static Task<OverviewView> OverviewAsync(ServiceProvider services, MetricsFilter filter) =>
        services.WithAsync(sp => sp.GetRequiredService<MetricsQueryService>().OverviewAsync(filter, Ct));

    private static string Describe(OverviewView v) => string.Join("|",
        v.Headline.Concat(v.Secondary).Select(i => $"{i.Key}:{i.Numerator}/{i.Denominator}:{i.Value}:{i.Previous}")
            .Concat(v.Daily.Select(p => $"{p.Day}:{p.Conversations}:{p.Resolution}"))
            .Concat(v.WorstIntents.Select(r => $"{r.Key}:{r.Conversations}:{r.LatencyP95Ms}")));
}
