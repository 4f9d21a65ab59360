namespace PuoAiOps.Core.Metrics;

/// <summary>
/// The additive counts behind the per-conversation indicators (<see cref="AdditiveCounts"/>) with the bot-turn latency
/// histogram. Daily rollups store exactly these, so any period, filter or breakdown is a sum of rows;
/// <see cref="Add(ConversationFacts, bool, double)"/> is the one place a conversation is counted, used by the rollup
/// builder and the full recomputation alike.
/// </summary>
public sealed class IndicatorCounts : AdditiveCounts
{
    public LatencyHistogram Latency { get; private set; } = new();

    /// <summary>Counts one included conversation (callers skip excluded traffic first).</summary>
    public ResolutionState Add(ConversationFacts c, bool recontacted, double coverageThreshold)
    {
        var feedback = FeedbackSummary.From(c.Feedback);
        var state = ResolutionClassifier.Classify(c, feedback, recontacted);
        Conversations++;
        switch (state)
        {
            case ResolutionState.Confirmed: Confirmed++; break;
            case ResolutionState.Assumed: Assumed++; break;
            case ResolutionState.Unresolved: Unresolved++; break;
            case ResolutionState.Escalated: Escalated++; break;
            case ResolutionState.Abandoned: Abandoned++; break;
        }
        if (state != ResolutionState.Open) Finished++;
        if (c.IntentId is not null)
        {
            WithIntent++;
            if (recontacted) Recontacted++;
        }
        if (c.IntentConfidence >= coverageThreshold) Covered++;
        if (c.FirstAnswerSource is not null)
        {
            Answered++;
            if (c.FirstAnswerSource == ConversationFacts.FallbackSource) Fallback++;
        }
        if (feedback.CsatGood is { } good)
        {
            Rated++;
            if (good) RatedGood++;
        }
        if (c.FirstHumanVerdict is { } verdict)
        {
            Graded++;
            if (verdict == HumanVerdict.Correct) GradedCorrect++;
        }
        foreach (var ms in c.BotLatenciesMs) Latency.Add(ms);
        return state;
    }

    public void Add(IndicatorCounts other)
    {
        base.Add(other);
        Latency.Add(other.Latency);
    }

    public void SetLatency(LatencyHistogram histogram) => Latency = histogram;

    public Indicators ToIndicators() => new(
        Accuracy: Ratio.Of(GradedCorrect, Graded),
        Resolution: Ratio.Of(Confirmed + Assumed, Finished),
        ResolutionConfirmed: Ratio.Of(Confirmed, Finished),
        FailureRecontact: Ratio.Of(Recontacted, WithIntent),
        Containment: Ratio.Of(Finished - Escalated, Finished),
        Escalation: Ratio.Of(Escalated, Finished),
        Coverage: Ratio.Of(Covered, Conversations),
        Fallback: Ratio.Of(Fallback, Answered),
        Csat: Ratio.Of(RatedGood, Rated),
        LatencyP50Ms: Latency.Percentile(50),
        LatencyP95Ms: Latency.Percentile(95),
        LatencySamples: Latency.Count);
}
