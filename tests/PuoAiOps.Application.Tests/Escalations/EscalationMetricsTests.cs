using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Application.Tests.Metrics;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Tests.Escalations;

/// <summary>
/// "A conversation escalated, then resolved by a person" (docs/metrics.md): closing the case ends the
/// conversation as escalated; it stays escalated and unresolved in the indicators, and the incremental
/// rollups still equal a full recomputation.
/// </summary>
public sealed class EscalationMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Close_ResolvedByAPerson_KeepsTheConversationEscalated_AndTheRollupsEqualAFullRecomputation()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        var clock = new ManualClock();
        var day = clock.GetUtcNow().UtcDateTime.Date.AddDays(-2);
        long escalationId;
        await using (var db = workspace.NewContext())
        {
            // The bot handed this one over and left the conversation open, as ChatService does.
            var handedOver = NewConversation("a", day.AddHours(10), ConversationOutcome.Escalated, ended: false);
            db.Conversations.AddRange(handedOver, NewConversation("b", day.AddHours(11), ConversationOutcome.Resolved, ended: true));
            await db.SaveChangesAsync(Ct);
            var e = new Escalation { ConversationId = handedOver.Id, Reason = "user asked for an agent", CreatedAt = day.AddHours(10).AddMinutes(1) };
            db.Escalations.Add(e);
            await db.SaveChangesAsync(Ct);
            escalationId = e.Id;
        }
        await using var services = MetricsHost.Build(workspace.DataDir, clock);
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        var before = await IndicatorsAsync(services, day);

        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = workspace.NewContext())
            await new EscalationDesk(db, clock, NullLogger<EscalationDesk>.Instance)
                .CloseAsync(escalationId, new CloseEscalationInput("resolved", "refund issued by hand"), null, Actor.User("u-1", "Cora", Roles.Curator), Ct);
        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        var after = await IndicatorsAsync(services, day);

        var check = await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().CheckAsync(Ct));
        Assert.True(check.Equal, string.Join("\n", check.Differences));
        Assert.Equal((1L, 2L), after[MetricKeys.Escalation]);
        Assert.Equal((1L, 2L), after[MetricKeys.Resolution]);
        Assert.Equal(before[MetricKeys.Escalation], after[MetricKeys.Escalation]);
        Assert.Equal(before[MetricKeys.Resolution], after[MetricKeys.Resolution]);
    }

    private static Conversation NewConversation(string user, DateTime at, ConversationOutcome outcome, bool ended) => new()
    {
        UserRef = user, StartedAt = at, EndedAt = ended ? at.AddMinutes(3) : null, Outcome = outcome, Channel = "app", Locale = "en",
        Turns =
        [
            new Turn { Ordinal = 0, Role = TurnRole.User, Text = "question", CreatedAt = at },
            new Turn { Ordinal = 1, Role = TurnRole.Bot, Text = "answer", CreatedAt = at.AddSeconds(1), Source = AnswerSource.Script, LatencyMs = 300 },
        ],
    };

    private static async Task<Dictionary<string, (long, long)>> IndicatorsAsync(ServiceProvider services, DateTime day)
    {
        var d = DateOnly.FromDateTime(day);
        var groups = await services.WithAsync(sp => sp.GetRequiredService<MetricsQueryService>().IndicatorsAsync(new MetricsFilter(d, d), null, Ct));
        return groups.Single().Indicators.Where(i => i.Numerator is not null && i.Denominator is not null)
            .ToDictionary(i => i.Key, i => (i.Numerator!.Value, i.Denominator!.Value));
    }
}
