using PuoAiOps.Core.Metrics;
using static PuoAiOps.Core.Tests.Metrics.Facts;

namespace PuoAiOps.Core.Tests.Metrics;

public sealed class IndicatorCountsTests
{
    private static Indicators Compute(params ConversationFacts[] conversations)
    {
        var recontacted = RecontactFinder.Recontacted(conversations.Where(c => !c.IsExcluded)
            .Select(c => new Visit(c.Id, c.UserRef, c.StartedAtUtc, c.IntentId)));
        var counts = new IndicatorCounts();
        foreach (var c in conversations.Where(c => !c.IsExcluded)) counts.Add(c, recontacted.Contains(c.Id), 0.5);
        return counts.ToIndicators();
    }

    [Fact]
    public void Compute_NoFeedbackAtAll_GivesNoCsatButStillResolution()
    {
        var result = Compute(Conversation(1), Conversation(2, user: "u2"), Conversation(3, user: "u3", end: ConversationEnd.Abandoned));
        Assert.Equal(Ratio.Of(0, 0), result.Csat);
        Assert.Null(result.Csat.Rate);
        Assert.Null(result.Csat.Interval);
        Assert.Equal(Ratio.Of(2, 3), result.Resolution);
        Assert.Equal(Ratio.Of(0, 3), result.ResolutionConfirmed);
    }

    [Fact]
    public void Compute_TestAndPlaygroundTraffic_IsExcludedEverywhere()
    {
        var result = Compute(
            Conversation(1),
            Conversation(2, user: "t", test: true, end: ConversationEnd.Escalated, grade: HumanVerdict.Incorrect),
            Conversation(3, user: "p", channel: "playground", end: ConversationEnd.Abandoned, feedback: Signal(FeedbackSignalKind.ThumbsDown)));
        Assert.Equal(Ratio.Of(1, 1), result.Resolution);
        Assert.Equal(Ratio.Of(0, 1), result.Escalation);
        Assert.Equal(Ratio.Of(0, 0), result.Accuracy);
        Assert.Equal(Ratio.Of(0, 0), result.Csat);
        Assert.Equal(1, result.LatencySamples);
    }

    [Fact]
    public void Compute_EscalatedThenResolvedByAPerson_CountsAsEscalatedAndNotContained()
    {
        var result = Compute(
            Conversation(1, escalationCase: true, end: ConversationEnd.Escalated, feedback: Signal(FeedbackSignalKind.Solved, minute: 300)),
            Conversation(2, user: "u2"));
        Assert.Equal(Ratio.Of(1, 2), result.Resolution);
        Assert.Equal(Ratio.Of(1, 2), result.Escalation);
        Assert.Equal(Ratio.Of(1, 2), result.Containment);
    }

    [Fact]
    public void Compute_RecontactAcrossMidnight_IsAFailureRecontact_AndUnresolvesTheFirst()
    {
        var lateEvening = Day.AddHours(23).AddMinutes(40);
        var result = Compute(
            Conversation(1, at: lateEvening, intent: 5),
            Conversation(2, at: lateEvening.AddMinutes(50), intent: 5), // 00:30 the next day, same intent
            Conversation(3, user: "u2", at: lateEvening, intent: 5),
            Conversation(4, user: "u2", at: lateEvening.AddHours(25), intent: 5)); // more than 24 h later: not a recontact
        Assert.Equal(Ratio.Of(1, 4), result.FailureRecontact);
        Assert.Equal(Ratio.Of(3, 4), result.Resolution);
    }

    [Fact]
    public void Compute_CoverageFallbackAccuracyAndCsat_UseTheirOwnDenominators()
    {
        var result = Compute(
            Conversation(1, confidence: 0.5, grade: HumanVerdict.Correct, feedback: Signal(FeedbackSignalKind.Rating, 4)),
            Conversation(2, user: "u2", confidence: 0.49, source: "Fallback", grade: HumanVerdict.Partial),
            Conversation(3, user: "u3", confidence: null, intent: null, source: null, latencies: [], feedback: Signal(FeedbackSignalKind.ThumbsUp)));
        Assert.Equal(Ratio.Of(1, 3), result.Coverage);
        Assert.Equal(Ratio.Of(1, 2), result.Fallback);
        Assert.Equal(Ratio.Of(1, 2), result.Accuracy); // partially correct is not correct
        Assert.Equal(Ratio.Of(2, 2), result.Csat);
        Assert.Equal(Ratio.Of(0, 2), result.FailureRecontact); // no intent, no recontact denominator
    }

    [Fact]
    public void Add_SumOfParts_EqualsWhole()
    {
        var all = Enumerable.Range(1, 30).Select(i => Conversation(i, user: "u" + i % 7, at: Day.AddHours(i),
            end: (ConversationEnd)(i % 4), grade: i % 3 == 0 ? HumanVerdict.Correct : null, latencies: [i * 37])).ToList();
        var whole = new IndicatorCounts();
        IndicatorCounts a = new(), b = new();
        foreach (var c in all)
        {
            whole.Add(c, false, 0.5);
            (c.Id % 2 == 0 ? a : b).Add(c, false, 0.5);
        }
        a.Add(b);
        Assert.Equal(whole.ToIndicators() with { }, a.ToIndicators());
    }
}
