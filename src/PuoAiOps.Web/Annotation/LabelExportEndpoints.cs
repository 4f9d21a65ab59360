using System.Text;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Annotation;

/// <summary>The labeled-data download: a plain GET, so the browser handles the file (console page and API share it).</summary>
internal static class LabelExportEndpoints
{
    public static IEndpointRouteBuilder MapLabelExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/annotate/export", Export).RequireAuthorization(Policies.ManageBatches);
        return endpoints;
    }

    /// <summary>The final labels as a training set, streamed as it is written (no size limit from buffering).</summary>
    public static IResult Export(HttpContext http, LabelExportService export, string? format, double? testShare, int? seed)
    {
        if (LabelDownload.Parse(format, testShare, seed) is not { } request)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "Choose format csv, csv-raw or jsonl, and a test share of at least 0 and below 1.");
        var ct = http.RequestAborted;
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
            await export.ExportAsync(writer, request, ct);
        }, LabelDownload.ContentType(request.Format), LabelDownload.FileName(request, TimeProvider.System.GetUtcNow()));
    }
}

/// <summary>
/// Parameters and naming of the labeled-data download (pages and API share them). <c>csv</c> is safe to open in a
/// spreadsheet (formula-like cells neutralised); <c>csv-raw</c> keeps every cell as stored, for training pipelines,
/// and is unsafe to open in a spreadsheet.
/// </summary>
public static class LabelDownload
{
    public const double DefaultTestShare = 0.2;
    public const int DefaultSeed = 42;
    public const string RawCsv = "csv-raw";

    public static LabelExportRequest? Parse(string? format, double? testShare, int? seed)
    {
        (LabelExportFormat Format, bool Raw)? parsed = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => (LabelExportFormat.Csv, false),
            RawCsv => (LabelExportFormat.Csv, true),
            "jsonl" or "ndjson" => (LabelExportFormat.Jsonl, false),
            _ => null,
        };
        var share = testShare ?? DefaultTestShare;
        if (parsed is null || share is < 0 or >= 1 || double.IsNaN(share)) return null;
        return new LabelExportRequest(parsed.Value.Format, share, seed ?? DefaultSeed, parsed.Value.Raw);
    }

    public static string ContentType(LabelExportFormat format) =>
        format == LabelExportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    /// <summary>The raw CSV says so in its name, so nobody double-clicks it into a spreadsheet by mistake.</summary>
    public static string FileName(LabelExportRequest request, DateTimeOffset now) =>
        $"puoaiops-labels-{now:yyyyMMdd-HHmm}{(request.RawCells ? "-raw-not-for-spreadsheets" : "")}.{(request.Format == LabelExportFormat.Csv ? "csv" : "jsonl")}";
}
