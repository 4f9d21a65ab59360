using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Metrics;

/// <summary>
/// Why answer grading or a report is refused (the <c>Code</c> of the common exceptions): the console
/// words each value from <c>MetricsText</c> (<c>MetricsRefusal.&lt;value&gt;</c>); the API and the CLI in English.
/// </summary>
public enum MetricsRefusal
{
    [English("'{0}' is not an ISO week like 2026-W49.")] NotAWeek,
    [English("'{0}' is not a day: use yyyy-MM-dd, e.g. 2026-12-05.")] NotADay,
    [English("The daily report for {0} can be generated once the period is over (after {1}, {2}).")] DayNotOver,
    [English("The weekly report for {0} can be generated once the period is over (after {1}, {2}).")] WeekNotOver,
    [English("Report {0} does not exist.")] NoReport,
    [English("Generating a report needs the Curator or Reviewer role.")] ReportNeedsRole,
    [English("The sample size must be between {0} and {1}.")] SampleSizeOutOfRange,
    [English("Unknown reason code(s): {0}. Known: {1}.")] UnknownReasons,
    [English("A partially correct or incorrect grade needs at least one reason.")] ReasonRequired,
    [English("A correct grade takes no reason codes.")] ReasonNotAllowed,
    [English("Grading assignment {0} does not exist.")] NoAssignment,
    [English("This answer has already been graded in this slot.")] AlreadyGraded,
    [English("Another reviewer has this answer open; take the next one.")] OpenByAnotherReviewer,
    [English("You graded this answer already; the second grade must come from another reviewer.")] GradedByYouAlready,
    [English("This answer has just been graded by someone else.")] GradedMeanwhile,
    [English("Grading bot answers needs the Reviewer role.")] GradingNeedsRole,
    [English("Running the LLM judge needs the Reviewer or Admin role.")] JudgeNeedsRole,
    [English("No LLM is configured ({0}:Provider is None), so there is no judge to run.")] JudgeNeedsLlm,
    [English("No grading sample has been drawn for {0}.")] NoSample,
}
