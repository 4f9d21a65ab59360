using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Metrics;

/// <summary>Metrics events: days, counts and ids only.</summary>
internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 4700, Level = LogLevel.Information, Message = "Metric rollups rebuilt for {Days} day(s), {Rows} row(s), in {ElapsedMs} ms")]
    public static partial void RollupsBuilt(ILogger logger, int days, int rows, long elapsedMs);

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "{Kind} report {Period} generated in {ElapsedMs} ms")]
    public static partial void ReportGenerated(ILogger logger, string kind, string period, long elapsedMs);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Error, Message = "The metrics schedule failed; it will try again at the next tick")]
    public static partial void ScheduleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Information, Message = "Grading sample {Period} drawn: {Answers} answer(s) from {Strata} strata, {Double} graded twice")]
    public static partial void SampleDrawn(ILogger logger, string period, int answers, int strata, int @double);

    [LoggerMessage(EventId = 4704, Level = LogLevel.Warning, Message = "Rollup check found {Mismatches} mismatching cell(s) over {Days} day(s)")]
    public static partial void RollupMismatch(ILogger logger, int mismatches, int days);

    [LoggerMessage(EventId = 4705, Level = LogLevel.Information, Message = "LLM judge on {Period}: {Graded} graded, {Malformed} malformed output(s) and {Failed} failed call(s) skipped, {Already} judged before")]
    public static partial void JudgeRun(ILogger logger, string period, int graded, int malformed, int failed, int already);

    [LoggerMessage(EventId = 4706, Level = LogLevel.Debug, Message = "Overview read {Read} took {ElapsedMs} ms")]
    public static partial void OverviewRead(ILogger logger, string read, double elapsedMs);
}
