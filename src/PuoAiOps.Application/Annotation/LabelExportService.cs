using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Core.Annotation;
using PuoAiOps.Core.Export;

namespace PuoAiOps.Application.Annotation;

public enum LabelExportFormat { Csv, Jsonl }

/// <param name="RawCells">
/// CSV only: write every cell exactly as stored, for training pipelines. Unsafe to open in a spreadsheet, which
/// would run a question such as <c>=HYPERLINK(...)</c> as a formula; by default such cells are neutralised
/// (<see cref="SpreadsheetCells"/>).
/// </param>
public sealed record LabelExportRequest(LabelExportFormat Format, double TestShare = 0.2, int Seed = 42, bool RawCells = false)
{
    /// <summary>How the export names itself (summary, log): csv, csv-raw or jsonl.</summary>
    public string FormatName => Format == LabelExportFormat.Csv && RawCells ? "csv-raw" : Format.ToString().ToLowerInvariant();
}

/// <summary>How many examples one label has in each part.</summary>
public sealed record LabelSplitCount(int Train, int Test);

public sealed record LabelExportSummary(string Format, int Rows, int Train, int Test, double TestShare, int Seed,
    IReadOnlyDictionary<string, LabelSplitCount> PerLabel);

/// <summary>
/// Writes the final labels (consensus or adjudicated) as a training set: <c>text,label,split</c>, where
/// label is the intent key or <c>oos</c>, split a stratified, seeded train/test assignment. Question texts come
/// from users, so CSV cells that a spreadsheet would run as a formula are neutralised unless the caller asks for raw cells.
/// </summary>
public sealed class LabelExportService(PuoDbContext db, ILogger<LabelExportService> logger)
{
    // A data file, not HTML: keep Chinese text readable instead of \u-escaping it.
    private static readonly JsonSerializerOptions JsonLines = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<LabelExportSummary> ExportAsync(TextWriter output, LabelExportRequest request, CancellationToken ct = default)
    {
        if (request.TestShare is < 0 or >= 1 || double.IsNaN(request.TestShare))
            throw AnnotationException.Invalid(AnnotationRefusal.TestShareOutOfRange);

        var rows = await (
            from q in db.Questions.AsNoTracking()
            where (q.FinalLabelSource == FinalLabelSources.Consensus || q.FinalLabelSource == FinalLabelSources.Adjudicated)
                  && (q.FinalOutOfScope || q.FinalIntentId != null)
            join i in db.Intents on q.FinalIntentId equals i.Id into intents
            from i in intents.DefaultIfEmpty()
            orderby q.Id
            select new { q.Id, q.Text, q.FinalOutOfScope, IntentKey = i == null ? null : i.Key }).ToListAsync(ct);
        var examples = rows
            .Where(r => r.FinalOutOfScope || r.IntentKey is not null)
            .Select(r => (r.Id, r.Text, Label: r.FinalOutOfScope ? LabelValue.OutOfScopeName : r.IntentKey!))
            .ToList();
        var isTest = StratifiedSplit.Assign(examples.Select(e => new SplitRow(e.Id, e.Label)).ToList(), request.TestShare, request.Seed);

        if (request.Format == LabelExportFormat.Csv)
        {
            await using var csv = CsvWriter.Create(output, null, leaveOpen: true);
            Func<string, string> cell = request.RawCells ? static v => v : SpreadsheetCells.Neutralise;
            await csv.WriteRecordAsync(["text", "label", "split"], ct);
            for (var i = 0; i < examples.Count; i++)
                await csv.WriteRecordAsync([cell(examples[i].Text), cell(examples[i].Label), Split(isTest[i])], ct);
            await csv.FlushAsync(ct);
        }
        else
        {
            for (var i = 0; i < examples.Count; i++)
            {
                var line = JsonSerializer.Serialize(new { text = examples[i].Text, label = examples[i].Label, split = Split(isTest[i]) }, JsonLines);
                await output.WriteAsync(line.AsMemory(), ct);
                await output.WriteAsync('\n');
            }
            await output.FlushAsync(ct);
        }

        var test = isTest.Count(t => t);
        var perLabel = examples.Select((e, i) => (e.Label, Test: isTest[i]))
            .GroupBy(x => x.Label, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new LabelSplitCount(g.Count(x => !x.Test), g.Count(x => x.Test)), StringComparer.Ordinal);
        var format = request.FormatName;
        AnnotationLog.Exported(logger, examples.Count, test, format);
        return new LabelExportSummary(format, examples.Count, examples.Count - test, test, request.TestShare, request.Seed, perLabel);
    }

    private static string Split(bool test) => test ? "test" : "train";
}
