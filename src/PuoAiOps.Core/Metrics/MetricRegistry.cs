using System.Text;

namespace PuoAiOps.Core.Metrics;

/// <summary>
/// Every indicator's definition. <see cref="Version"/> changes whenever any definition changes (bump the
/// indicator's own version too), and every report is stamped with it so old figures stay interpretable.
/// </summary>
public static class MetricRegistry
{
    /// <summary>The version of the whole set: the sum of the definitions' versions would miss swaps, so it is explicit.</summary>
    public const string Version = "metrics-v1";

    private const string Standard = "test and playground traffic (IsTest, channel \"playground\")";

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(MetricKeys.Accuracy, "Response accuracy rate",
            "first bot answers a reviewer graded correct", "first bot answers graded by a reviewer (first human grade per answer)",
            "conversations started in the period (reporting time zone)", Standard + "; LLM-judge grades (a separate series); partially correct counts as not correct", 1, true),
        new(MetricKeys.Resolution, "Problem resolution rate",
            "finished conversations resolved: confirmed (user said it solved the problem) or assumed (no escalation, no negative feedback, no same-intent recontact within 24 h)",
            "finished bot-handled conversations",
            "conversations started in the period", Standard + "; conversations still open; escalated and abandoned conversations count as not resolved", 1, true),
        new(MetricKeys.ResolutionConfirmed, "Problem resolution rate (confirmed only)",
            "finished conversations the user confirmed solved, not escalated or abandoned", "finished bot-handled conversations",
            "conversations started in the period", Standard + "; conversations still open", 1, false),
        new(MetricKeys.Reuse, "User reuse rate",
            "users who start a new conversation within N days (default 7) after one in the period that is not a same-intent recontact within 24 h",
            "users with a bot conversation in the period",
            "the period, followed by N days for the return", Standard + "; shown beside the failure recontact rate, never blended with it", 1, true),
        new(MetricKeys.FailureRecontact, "Failure recontact rate",
            "conversations followed by the same user's conversation with the same intent within 24 h", "conversations with an intent",
            "conversations started in the period; the 24 h may run past the period's end", Standard, 1, true),
        new(MetricKeys.Containment, "Containment rate",
            "finished conversations not escalated to a person", "finished bot-handled conversations",
            "conversations started in the period", Standard + "; conversations still open", 1, false),
        new(MetricKeys.Escalation, "Escalation rate",
            "finished conversations escalated to a person (outcome escalated or an escalation case)", "finished bot-handled conversations",
            "conversations started in the period", Standard + "; conversations still open", 1, false),
        new(MetricKeys.Coverage, "Coverage",
            "conversations whose intent confidence is at or above the coverage threshold (default 0.5)", "conversations",
            "conversations started in the period", Standard, 1, false),
        new(MetricKeys.Fallback, "Fallback rate",
            "conversations whose first bot answer was the fallback", "conversations with a bot answer",
            "conversations started in the period", Standard, 1, false),
        new(MetricKeys.Csat, "CSAT",
            "conversations whose last rating signal is good (thumbs up, or a rating of 4 or 5)", "conversations with a rating signal (thumbs or rating)",
            "conversations started in the period", Standard + "; solved / not solved answers (they feed resolution)", 1, false),
        new(MetricKeys.LatencyP50, "Latency p50",
            "median bot answer latency in ms (log-bucketed, within 4 %)", "bot turns with a latency",
            "conversations started in the period", Standard, 1, false),
        new(MetricKeys.LatencyP95, "Latency p95",
            "95th percentile bot answer latency in ms (log-bucketed, within 4 %)", "bot turns with a latency",
            "conversations started in the period", Standard, 1, false),
    ];

    public static MetricDefinition Get(string key) =>
        All.FirstOrDefault(d => d.Key == key) ?? throw new KeyNotFoundException($"No indicator '{key}'.");

    /// <summary>The registry as the Markdown table docs/metrics.md holds between its markers.</summary>
    public static string RenderMarkdownTable()
    {
        var sb = new StringBuilder();
        sb.Append("Definitions version: `").Append(Version).Append("`\n\n");
        sb.Append("| key | indicator | numerator | denominator | window | exclusions | version |\n");
        sb.Append("|---|---|---|---|---|---|---|\n");
        foreach (var d in All)
            sb.Append("| `").Append(d.Key).Append("` | ").Append(d.Name).Append(d.Headline ? " (headline)" : "").Append(" | ")
              .Append(d.Numerator).Append(" | ").Append(d.Denominator).Append(" | ").Append(d.Window).Append(" | ")
              .Append(d.Exclusions).Append(" | ").Append(d.Version).Append(" |\n");
        return sb.ToString();
    }
}
