using System.Text.Json;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The JSON kept in <c>ImportRun.Report</c>: status, rejected rows (line, the reason in English, and its code and
/// arguments for the console), redaction counts.
/// </summary>
internal static class ImportReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(string status, long? rows, IReadOnlyList<RowRejection> rejected, long notListed,
        IReadOnlyDictionary<string, long> redacted, string? error) =>
        JsonSerializer.Serialize(new
        {
            status,
            rows,
            rejected = rejected.Select(r => Rejection(r)),
            rejectedNotListed = notListed,
            redacted,
            error,
        }, Json);

    private static object Rejection(RowRejection r)
    {
        var (code, args) = CodedMessageJson.Write(r.Code);
        return new { line = r.Line, reason = r.Reason, code, args };
    }
}
