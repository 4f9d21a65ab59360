using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// What the LLM judge and report jobs say while they run and when they end: the console words each value
/// from <c>MetricsText</c> (<c>MetricsJobMessage.&lt;value&gt;</c>), the CLI in English. Refusals stay <see cref="MetricsRefusal"/>.
/// </summary>
public enum MetricsJobMessage
{
    [English("Judged {0} of {1} answers")] JudgeProgress,
    [English("Judged {0}: {1} graded, {2} unusable answer(s) and {3} failed call(s) skipped, {4} judged before.")] Judged,
    [English("Bringing the daily rollups up to date")] RollingUp,
    [English("Gathering the report's figures")] Gathering,
    [English("Storing the report")] StoringReport,
    [English("Generated the {0} report {1}.")] ReportGenerated,
    [English("daily")] Daily,
    [English("weekly")] Weekly,
}
