using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Metrics;

/// <summary>What the figures are about: whole days in the reporting time zone, both ends included.</summary>
public sealed record MetricsFilter(DateOnly From, DateOnly To, string? Locale = null, string? Channel = null, int? DomainId = null)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length just before this one, for "change vs previous period".</summary>
    public MetricsFilter Previous => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };
}

public enum MetricsDimension { Intent, Locale, Channel, Source, Script, Model, Domain }

/// <summary>One indicator's value with what it was computed from, its 95 % interval and its change against the previous period.</summary>
public sealed record IndicatorView(
    string Key, string Name, int Version, string Unit, long? Numerator, long? Denominator,
    double? Value, double? Low, double? High, double? Previous, double? Change, bool Complete = true)
{
    public static IndicatorView FromRatio(string key, Ratio current, Ratio? previous)
    {
        var d = MetricRegistry.Get(key);
        var interval = current.Interval;
        var change = current.Rate is { } now && previous?.Rate is { } before ? now - before : (double?)null;
        return new IndicatorView(key, d.Name, d.Version, "rate", current.Numerator, current.Denominator,
            current.Rate, interval?.Low, interval?.High, previous?.Rate, change);
    }

    public static IndicatorView FromLatency(string key, double? current, double? previous, long samples)
    {
        var d = MetricRegistry.Get(key);
        return new IndicatorView(key, d.Name, d.Version, "ms", null, samples, current, null, null, previous,
            current is { } now && previous is { } before ? now - before : null);
    }
}

public sealed record DailyPoint(DateOnly Day, long Conversations, Ratio Resolution, Ratio Escalation, Ratio Fallback, Ratio Accuracy, Ratio FailureRecontact);

public sealed record WeeklyPoint(string Week, long Conversations, Ratio Resolution, Ratio Escalation, Ratio Fallback, Ratio Accuracy, Ratio FailureRecontact);

/// <summary>involved → answered → resolved / escalated / abandoned (plus closed-but-unresolved and still open).</summary>
public sealed record FunnelView(long Involved, long Answered, long Resolved, long Escalated, long Abandoned, long Unresolved, long Open);

public sealed record BreakdownRow(string Key, string Label, string LabelZh, long Conversations, Ratio Resolution, Ratio Escalation, Ratio Fallback, Ratio Accuracy, Ratio FailureRecontact, double? LatencyP95Ms);

/// <summary>A day outside its 3-sigma p-chart limits.</summary>
public sealed record AnomalyAlert(string MetricKey, string MetricName, DateOnly Day, double Rate, double Centre, double Lower, double Upper, bool High);

public sealed record OverviewView(
    MetricsFilter Filter,
    string DefinitionsVersion,
    string TimeZone,
    IReadOnlyList<IndicatorView> Headline,
    IReadOnlyList<IndicatorView> Secondary,
    IReadOnlyList<DailyPoint> Daily,
    IReadOnlyList<WeeklyPoint> Weekly,
    FunnelView Funnel,
    IReadOnlyList<BreakdownRow> WorstIntents,
    IReadOnlyList<AnomalyAlert> Alerts);

/// <summary>One conversation behind a figure (text is the redacted first user turn).</summary>
public sealed record DrillDownRow(long ConversationId, DateTime StartedAt, string? Intent, string Locale, string Channel, string State, string? FirstAnswerSource, string FirstQuestion);

/// <summary>The indicators of one group (everything, or one intent / locale / channel).</summary>
public sealed record IndicatorGroup(string Key, string Label, IReadOnlyList<IndicatorView> Indicators);
