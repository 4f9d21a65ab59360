using System.Text.Json;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Questions;

/// <summary>Reads the JSON report that <see cref="ImportReport"/> writes into <see cref="ImportRun.Report"/>.</summary>
internal static class ImportRunReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ImportRunSummary Summarize(ImportRun run, string? createdByName) =>
        new(run.Id, run.FileName, run.Format, StatusOf(run, Parse(run.Report)?.Status), run.StartedAt, run.FinishedAt,
            run.Imported, run.Duplicates, run.Rejected, createdByName);

    public static ImportRunDetails Read(ImportRun run, string? createdByName)
    {
        var report = Parse(run.Report);
        return new ImportRunDetails(
            new ImportRunSummary(run.Id, run.FileName, run.Format, StatusOf(run, report?.Status), run.StartedAt, run.FinishedAt,
                run.Imported, run.Duplicates, run.Rejected, createdByName),
            report?.Rows,
            report?.Rejected?.Select(r => new RejectedRow(r.Line, r.Reason ?? "", MessageCodes.Read(r.Code, r.Args))).ToList() ?? [],
            report?.RejectedNotListed ?? 0,
            report?.Redacted ?? new Dictionary<string, long>(),
            report?.Error);
    }

    private static ImportRunStatus StatusOf(ImportRun run, string? status) => status switch
    {
        "completed" => ImportRunStatus.Completed,
        "failed" => ImportRunStatus.Failed,
        "cancelled" => ImportRunStatus.Cancelled,
        _ => run.FinishedAt is null ? ImportRunStatus.Running : ImportRunStatus.Completed,
    };

    private static StoredReport? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<StoredReport>(json, Json);
        }
        catch (JsonException)
        {
            // A report written by an older version: the counts on the run itself are still right.
            return null;
        }
    }

    private sealed record StoredReport(
        string? Status, long? Rows, List<StoredRejection>? Rejected, long RejectedNotListed, Dictionary<string, long>? Redacted, string? Error);

    private sealed record StoredRejection(long Line, string? Reason, string? Code, string? Args);
}
