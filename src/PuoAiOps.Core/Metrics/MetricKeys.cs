namespace PuoAiOps.Core.Metrics;

/// <summary>The indicator keys, used in view models, reports, CSV columns and the CLI's JSON.</summary>
public static class MetricKeys
{
    public const string Accuracy = "accuracy";
    public const string Resolution = "resolution";
    public const string ResolutionConfirmed = "resolution_confirmed";
    public const string Reuse = "reuse";
    public const string FailureRecontact = "failure_recontact";
    public const string Containment = "containment";
    public const string Escalation = "escalation";
    public const string Coverage = "coverage";
    public const string Fallback = "fallback";
    public const string Csat = "csat";
    public const string LatencyP50 = "latency_p50";
    public const string LatencyP95 = "latency_p95";
}
