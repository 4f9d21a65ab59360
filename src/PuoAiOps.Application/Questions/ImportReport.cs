using System.Text.Json;
using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Questions;

/// <summary>The JSON kept in <c>ImportRun.Report</c>: status, rejected rows (line and reason only), redaction counts.</summary>
internal static class ImportReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(string status, long? rows, IReadOnlyList<RowRejection> rejected, long notListed,
        IReadOnlyDictionary<string, long> redacted, string? error) =>
        JsonSerializer.Serialize(new
        {
            status,
            rows,
            rejected = rejected.Select(r => new { line = r.Line, reason = r.Reason }),
            rejectedNotListed = notListed,
            redacted,
            error,
        }, Json);
}
