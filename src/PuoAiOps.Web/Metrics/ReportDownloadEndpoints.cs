using System.Text;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Metrics;

/// <summary>A stored report as a file: Markdown (English or Chinese) or CSV (formula-like cells neutralised by the renderer).</summary>
internal static class ReportDownloadEndpoints
{
    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{id:long}/download", DownloadAsync).RequireAuthorization(Policies.InsightsArea);
        return endpoints;
    }

    public static async Task<IResult> DownloadAsync(long id, string? format, string? lang, ReportService reports, CancellationToken ct)
    {
        ReportFormat? chosen = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "md" or "markdown" => ReportFormat.Markdown,
            "csv" => ReportFormat.Csv,
            _ => null,
        };
        var language = lang?.Trim().ToLowerInvariant() switch
        {
            null or "" or "en" => "en",
            "zh" or "zh-cn" => "zh",
            _ => null,
        };
        if (chosen is null || language is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Choose format md or csv, and lang en or zh.");
        ReportDocument report;
        try { report = await reports.GetAsync(id, ct); }
        catch (NotFoundException ex) { return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ex.Message); }
        // Coded escalation reasons are worded in the language asked for, whatever the reader's own (ReasonWords).
        var text = ReportRenderer.Render(report, chosen.Value, language);
        var extension = chosen == ReportFormat.Csv ? "csv" : "md";
        var contentType = chosen == ReportFormat.Csv ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8";
        // A BOM so spreadsheet programs read the Chinese text of a CSV as UTF-8.
        var bytes = chosen == ReportFormat.Csv ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);
        return TypedResults.File(bytes, contentType, $"puoaiops-{report.Kind.ToString().ToLowerInvariant()}-{report.Period}-{language}.{extension}");
    }
}
