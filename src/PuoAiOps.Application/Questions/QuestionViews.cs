using System.Text.Json.Serialization;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Filters of the question list. <see cref="Labeled"/>: true = has a final label (or out of scope), false = not yet.
/// Newest first (by the order stored) unless <see cref="OldestFirst"/>.
/// </summary>
public sealed record QuestionQuery(
    string? Search = null, bool? Labeled = null, string? Source = null, string? Locale = null, long? ImportRunId = null,
    int Page = 1, int PageSize = 50, bool OldestFirst = false);

/// <summary>One stored question; <see cref="Text"/> is the redacted text (the original is never stored).</summary>
public sealed record QuestionRow(
    long Id, string? ExternalId, string Text, string? Locale, string? Source, string? Channel, DateTime CreatedAt, long? ImportRunId,
    string? FinalIntentKey, bool FinalOutOfScope, string? PredictedIntentKey, double? PredictedConfidence);

public sealed record QuestionPage(IReadOnlyList<QuestionRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record QuestionFacets(IReadOnlyList<string> Sources, IReadOnlyList<string> Locales, int Total, int Labeled);

/// <summary>Outcome of an import run as stored: Running (no report yet), Completed, Failed or Cancelled.</summary>
public enum ImportRunStatus { Running, Completed, Failed, Cancelled }

public sealed record ImportRunSummary(
    long Id, string FileName, string Format, ImportRunStatus Status, DateTime StartedAt, DateTime? FinishedAt,
    int Imported, int Duplicates, int Rejected, string? CreatedByName);

/// <summary>A rejected row: its line, the reason in English, and the reason as a code (null in reports stored before rows had codes).</summary>
public sealed record RejectedRow(long Line, string Reason, [property: JsonIgnore] CodedMessage? Code = null);

/// <summary>A run with its report: rows read, rejected rows (line and reason, capped), redactions per type, error when it stopped.</summary>
public sealed record ImportRunDetails(
    ImportRunSummary Summary, long? Rows, IReadOnlyList<RejectedRow> RejectedRows, long RejectedNotListed,
    IReadOnlyDictionary<string, long> Redacted, string? Error);
