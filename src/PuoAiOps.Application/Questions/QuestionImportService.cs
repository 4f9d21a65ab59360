using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Secrets;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Imports user questions from CSV or JSON Lines: streamed, redacted before anything is stored,
/// duplicates counted instead of stored twice, bad rows reported with line and reason.
/// Two stages (<see cref="ImportPipeline"/>): one core parses, redacts and hashes while the other
/// writes, each batch of rows in its own transaction (a crash leaves whole batches only; running
/// the file again completes it, because stored rows come back as duplicates).
/// Throws <see cref="ImportFormatException"/> for a file that is not a question file and
/// <see cref="ImportLimitExceededException"/> over <see cref="ImportOptions"/> limits (HTTP 413).
/// </summary>
public sealed class QuestionImportService(
    PuoDbContext db,
    PiiPatternStore patterns,
    IOptions<ImportOptions> options,
    WorkspaceSecrets secrets,
    ILogger<QuestionImportService>? logger = null,
    TimeProvider? time = null,
    QuestionSearchCatchUpSignal? searchCatchUp = null)
{
    private readonly ImportOptions _options = options.Value;
    private readonly ILogger _logger = logger ?? NullLogger<QuestionImportService>.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Test hook: runs after each row a batch writes, before the commit.</summary>
    internal Action<int>? AfterRowWritten { get; set; }

    /// <summary>Test hook: write through the portable ADO.NET path (the one PostgreSQL uses) even on SQLite.</summary>
    internal bool PortableWriter { get; set; }

    public async Task<ImportResult> ImportFileAsync(string path, ImportRequest? request = null, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"No such file: {path}", path);
        if (info.Length > _options.MaxFileBytes) throw ImportLimitExceededException.FileTooLarge(_options.MaxFileBytes, info.Length);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ImportAsync(stream, request ?? new ImportRequest(info.Name), progress, ct);
    }

    /// <summary>Imports from a stream. A seekable stream is checked against the size and row limits before anything is written.</summary>
    public async Task<ImportResult> ImportAsync(Stream stream, ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(request);
        var parserOptions = _options.ToParserOptions();
        if (stream.CanSeek) await CheckLimitsAsync(stream, request.FileName, parserOptions, ct);

        var clock = Stopwatch.StartNew();
        using var reader = await QuestionFileReader.OpenAsync(stream, request.FileName, parserOptions, ct);
        var redactor = await patterns.CreateRedactorAsync(ct);
        var pseudonymizer = await UserPseudonymizer.CreateAsync(db, _options.UserIdKey, secrets, ct);
        var startedAt = _time.GetUtcNow().UtcDateTime;
        var run = new ImportRun
        {
            // People name exports after whoever sent them; the name is redacted like any other text.
            FileName = Truncate(redactor.RedactText(Path.GetFileName(request.FileName)), 260),
            Format = FormatName(reader.Format),
            CreatedById = request.CreatedById,
            StartedAt = startedAt,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        ImportLog.Started(_logger, run.Id, run.Format);

        var preparer = new QuestionRowPreparer(redactor, pseudonymizer, request.DefaultSource, startedAt);
        var rejections = new RejectionLog(_options.MaxReportedRejections);
        var pipeline = new ImportPipeline(db, _options, run.Id, startedAt, _logger) { AfterRowWritten = AfterRowWritten, PortableWriter = PortableWriter };
        try
        {
            await pipeline.RunAsync(reader, preparer, rejections, progress, ct);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await RecordStopAsync(run, ex, pipeline.Imported, rejections, preparer.Tally);
            throw;
        }
        finally
        {
            // The committed rows wait above the search watermark; a host indexes them in the background.
            searchCatchUp?.Notify();
        }

        var result = new ImportResult(run.Id, reader.Format, reader.Rows, pipeline.Imported, pipeline.Duplicates, rejections.Total,
            rejections.Kept, rejections.NotListed, preparer.Tally.ToDictionary(), reader.FileHash, clock.Elapsed) { Stages = pipeline.Stages };
        run.FileHash = result.FileHash;
        run.FinishedAt = _time.GetUtcNow().UtcDateTime;
        run.Imported = checked((int)result.Imported);
        run.Duplicates = checked((int)result.Duplicates);
        run.Rejected = checked((int)result.Rejected);
        run.Report = ImportReport.Serialize("completed", result.Rows, result.Rejections, result.RejectionsNotListed, result.Redacted, null);
        await db.SaveChangesAsync(CancellationToken.None);
        ImportLog.Finished(_logger, run.Id, result.Imported, result.Duplicates, result.Rejected, clock.ElapsedMilliseconds);
        return result;
    }

    private static async Task CheckLimitsAsync(Stream stream, string fileName, QuestionParserOptions parserOptions, CancellationToken ct)
    {
        var start = stream.Position;
        var length = stream.Length - start;
        if (length > parserOptions.MaxFileBytes) throw ImportLimitExceededException.FileTooLarge(parserOptions.MaxFileBytes, length);
        if (parserOptions.MaxRows > 0)
        {
            // One fast pass (no field decoding) so a file over the row limit stores nothing at all.
            var counting = new QuestionParserOptions { MaxTextLength = parserOptions.MaxTextLength, MaxFieldLength = parserOptions.MaxFieldLength };
            var rows = await QuestionFileReader.CountRowsAsync(stream, fileName, counting, ct);
            if (rows > parserOptions.MaxRows) throw ImportLimitExceededException.TooManyRows(parserOptions.MaxRows, rows);
            stream.Position = start;
        }
    }

    /// <summary>Marks a run that stopped (crash, cancel, limit) with what was committed; best effort, never hides the original error.</summary>
    private async Task RecordStopAsync(ImportRun run, Exception error, long imported, RejectionLog rejections, RedactionTally tally)
    {
        var status = error is OperationCanceledException ? "cancelled" : "failed";
        ImportLog.Stopped(_logger, run.Id, imported, status);
        try
        {
            await db.Entry(run).ReloadAsync(CancellationToken.None);
            run.Report = ImportReport.Serialize(status, null, rejections.Kept, rejections.NotListed, tally.ToDictionary(), error.Message);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            ImportLog.Stopped(_logger, run.Id, imported, "could not record the stop: " + ex.GetType().Name);
        }
    }

    private static string FormatName(QuestionFileFormat format) => format == QuestionFileFormat.Csv ? "csv" : "jsonl";

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
