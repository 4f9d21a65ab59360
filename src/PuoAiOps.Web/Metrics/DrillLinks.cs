using System.Globalization;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Web.Metrics;

/// <summary>
/// Links from a figure to the conversations behind it, on the conversations page, which reads
/// from, to, intent, locale, channel, source and outcome from its query string (only those that apply).
/// </summary>
public static class DrillLinks
{
    public const string ConversationsPath = "/conversations";

    public static string Conversations(MetricsFilter filter, DateOnly? day = null, string? intentKey = null, string? source = null, string? outcome = null)
    {
        var parts = new List<string>
        {
            "from=" + Day(day ?? filter.From),
            "to=" + Day(day ?? filter.To),
        };
        if (intentKey is not null) parts.Add("intent=" + Uri.EscapeDataString(intentKey));
        if (filter.Locale is not null) parts.Add("locale=" + Uri.EscapeDataString(filter.Locale));
        if (filter.Channel is not null) parts.Add("channel=" + Uri.EscapeDataString(filter.Channel));
        if (source is not null) parts.Add("source=" + source);
        if (outcome is not null) parts.Add("outcome=" + outcome);
        return ConversationsPath + "?" + string.Join('&', parts);
    }

    /// <summary>The conversations counted in an indicator's numerator, where the conversations page can select them.</summary>
    public static string ForIndicator(MetricsFilter filter, string metricKey) =>
        Conversations(filter, outcome: OutcomeOf(metricKey));

    /// <summary>The outcome filter that selects an indicator's numerator, when there is one.</summary>
    public static string? OutcomeOf(string metricKey) => metricKey switch
    {
        MetricKeys.Resolution or MetricKeys.ResolutionConfirmed => "resolved",
        MetricKeys.Escalation => "escalated",
        _ => null,
    };

    /// <summary>The answer source of a rollup cell as the conversations page names it (script, sop, llm, handoff).</summary>
    public static string? SourceOf(string answerSource) => answerSource.ToLowerInvariant() switch
    {
        "script" => "script",
        "sop" => "sop",
        "llm" => "llm",
        "handoff" => "handoff",
        _ => null,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
