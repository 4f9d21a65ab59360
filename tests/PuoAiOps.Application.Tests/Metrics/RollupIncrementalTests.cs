using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>Hand-built traffic arriving over several runs: the incremental rollups must equal a full recomputation at every step.</summary>
public sealed class RollupIncrementalTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static Conversation Conv(string user, DateTime at, int? intent = null, ConversationOutcome outcome = ConversationOutcome.Resolved,
        string channel = "app", bool test = false, int latency = 300) => new()
    {
        UserRef = user, StartedAt = at, EndedAt = outcome == ConversationOutcome.Open ? null : at.AddMinutes(3), IntentId = intent,
        IntentConfidence = 0.9, Outcome = outcome, Channel = channel, IsTest = test, Locale = "en",
        Turns =
        [
            new Turn { Ordinal = 0, Role = TurnRole.User, Text = "question", CreatedAt = at },
            new Turn { Ordinal = 1, Role = TurnRole.Bot, Text = "answer", CreatedAt = at.AddSeconds(1), Source = AnswerSource.Script, LatencyMs = latency },
        ],
    };

    [Fact]
    public async Task Build_Incrementally_EqualsFullRecomputation_AsFeedbackGradesAndRecontactsArrive()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var clock = new ManualClock();
        var day = clock.GetUtcNow().UtcDateTime.Date.AddDays(-3);
        int intent;
        await using (var db = workspace.NewContext())
        {
            var domain = new IntentDomain { Key = "d", Names = new() { ["en"] = "D" } };
            db.Domains.Add(domain);
            await db.SaveChangesAsync(Ct);
            var i = new Intent { DomainId = domain.Id, Key = "refund", Names = new() { ["en"] = "Refund" } };
            db.Intents.Add(i);
            await db.SaveChangesAsync(Ct);
            intent = i.Id;
            db.Conversations.AddRange(
                Conv("a", day.AddHours(23.5), intent),
                Conv("b", day.AddHours(10), intent, ConversationOutcome.Escalated),
                Conv("t", day.AddHours(11), intent, test: true),
                Conv("p", day.AddHours(12), intent, channel: "playground"));
            await db.SaveChangesAsync(Ct);
        }
        await using var services = MetricsHost.Build(workspace.DataDir, clock);

        var first = await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        Assert.True(first.Full);
        await AssertEqualToFullAsync(services);
        var before = await ResolutionAsync(services, day);
        Assert.Equal(Ratio.Of(1, 2), before);

        // Next day: user a comes back about the same intent 40 minutes later (across midnight),
        // the escalated one gets a solved click, and a reviewer grades a's answer.
        clock.Advance(TimeSpan.FromHours(2));
        await using (var db = workspace.NewContext())
        {
            db.Conversations.Add(Conv("a", day.AddHours(24.2), intent));
            var escalated = db.Conversations.Single(c => c.UserRef == "b");
            db.Feedback.Add(new Feedback { ConversationId = escalated.Id, Kind = FeedbackKind.Solved, CreatedAt = clock.GetUtcNow().UtcDateTime });
            var a = db.Conversations.Single(c => c.UserRef == "a" && c.StartedAt == day.AddHours(23.5));
            var answer = db.Turns.Single(t => t.ConversationId == a.Id && t.Role == TurnRole.Bot);
            db.Grades.Add(new AnswerGrade { ConversationId = a.Id, TurnId = answer.Id, Grader = GraderKind.Human, GraderId = "r", Verdict = GradeVerdict.Incorrect, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(Ct);
        }
        var second = await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        Assert.False(second.Full);
        await AssertEqualToFullAsync(services);

        // a's first conversation was recontacted: no longer resolved; b stays escalated despite "solved".
        Assert.Equal(Ratio.Of(0, 2), await ResolutionAsync(services, day));
        var groups = await services.WithAsync(sp => sp.GetRequiredService<MetricsQueryService>().IndicatorsAsync(new MetricsFilter(DateOnly.FromDateTime(day), DateOnly.FromDateTime(day)), null, Ct));
        var all = groups.Single().Indicators.ToDictionary(i => i.Key);
        Assert.Equal((1L, 2L), (all[MetricKeys.FailureRecontact].Numerator!.Value, all[MetricKeys.FailureRecontact].Denominator!.Value));
        Assert.Equal((0L, 1L), (all[MetricKeys.Accuracy].Numerator!.Value, all[MetricKeys.Accuracy].Denominator!.Value));
    }

    [Fact]
    public async Task Build_AfterTheReportingZoneChanges_RebuildsOnTheNewDays()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var clock = new ManualClock();
        var late = clock.GetUtcNow().UtcDateTime.Date.AddDays(-2).AddHours(20); // 04:00 next day in Shanghai
        await using (var db = workspace.NewContext())
        {
            db.Conversations.Add(Conv("a", late));
            await db.SaveChangesAsync(Ct);
        }
        await using (var utc = MetricsHost.Build(workspace.DataDir, clock))
            await utc.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        await using var shanghai = MetricsHost.Build(workspace.DataDir, clock, o => o.ReportingTimeZone = "Asia/Shanghai");
        var result = await shanghai.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        Assert.True(result.Full);
        await using var db2 = workspace.NewContext();
        Assert.Equal([DateOnly.FromDateTime(late).AddDays(1)], db2.MetricRollups.Select(r => r.Day).ToList());
        await AssertEqualToFullAsync(shanghai);
    }

    private static async Task<Ratio> ResolutionAsync(ServiceProvider services, DateTime day)
    {
        var d = DateOnly.FromDateTime(day);
        var groups = await services.WithAsync(sp => sp.GetRequiredService<MetricsQueryService>().IndicatorsAsync(new MetricsFilter(d, d), null, Ct));
        var resolution = groups.Single().Indicators.Single(i => i.Key == MetricKeys.Resolution);
        return Ratio.Of(resolution.Numerator!.Value, resolution.Denominator!.Value);
    }

    private static async Task AssertEqualToFullAsync(ServiceProvider services)
    {
        var check = await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().CheckAsync(Ct));
        Assert.True(check.Equal, string.Join("\n", check.Differences));
    }
}
