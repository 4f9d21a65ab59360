namespace PuoAiOps.Core.Metrics;

/// <summary>The per-conversation indicators of one slice (a period, a day, an intent…). Reuse is per user and computed apart.</summary>
public sealed record Indicators(
    Ratio Accuracy,
    Ratio Resolution,
    Ratio ResolutionConfirmed,
    Ratio FailureRecontact,
    Ratio Containment,
    Ratio Escalation,
    Ratio Coverage,
    Ratio Fallback,
    Ratio Csat,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    long LatencySamples)
{
    /// <summary>The ratio indicators by key, in registry order.</summary>
    public IEnumerable<(string Key, Ratio Value)> Ratios()
    {
        yield return (MetricKeys.Accuracy, Accuracy);
        yield return (MetricKeys.Resolution, Resolution);
        yield return (MetricKeys.ResolutionConfirmed, ResolutionConfirmed);
        yield return (MetricKeys.FailureRecontact, FailureRecontact);
        yield return (MetricKeys.Containment, Containment);
        yield return (MetricKeys.Escalation, Escalation);
        yield return (MetricKeys.Coverage, Coverage);
        yield return (MetricKeys.Fallback, Fallback);
        yield return (MetricKeys.Csat, Csat);
    }
}
