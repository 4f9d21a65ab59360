namespace PuoAiOps.Core.Metrics;

/// <summary>
/// One indicator, defined once: what is counted above and below the line, over which window, what is
/// left out, and the version of the definition. docs/metrics.md is rendered from these records.
/// </summary>
public sealed record MetricDefinition(
    string Key,
    string Name,
    string Numerator,
    string Denominator,
    string Window,
    string Exclusions,
    int Version,
    bool Headline);
