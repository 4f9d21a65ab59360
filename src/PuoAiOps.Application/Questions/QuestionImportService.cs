using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Imports user questions from CSV or JSON Lines: streamed, redacted before anything is stored,
/// duplicates counted instead of stored twice, bad rows reported with line and reason.
/// Two stages joined by a bounded channel: one core parses, redacts and hashes while the other
/// writes the previous batch, each batch in its own transaction (a crash leaves whole batches only;
/// running the file again completes it, because stored rows come back as duplicates).
/// Throws <see cref="ImportFormatException"/> for a file that is not a question file and
/// <see cref="ImportLimitExceededException"/> over <see cref="ImportOptions"/> limits (HTTP 413).
/// </summary>
public sealed class QuestionImportService(
    PuoDbContext db,
    PiiPatternStore patterns,
    IOptions<ImportOptions> options,
    ILogger<QuestionImportService>? logger = null,
    TimeProvider? time = null)
{
    private const int BatchesInFlight = 3;

    private readonly ImportOptions _options = options.Value;
    private readonly ILogger _logger = logger ?? NullLogger<QuestionImportService>.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Test hook: runs after each row a batch writes, before the commit.</summary>
    internal Action<int>? AfterRowWritten { get; set; }

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
        var pseudonymizer = await UserPseudonymizer.CreateAsync(db, _options.UserIdKey, ct);
        var startedAt = _time.GetUtcNow().UtcDateTime;
        var run = new ImportRun
        {
            FileName = Truncate(Path.GetFileName(request.FileName), 260),
            Format = FormatName(reader.Format),
            CreatedById = request.CreatedById,
            StartedAt = startedAt,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        ImportLog.Started(_logger, run.Id, run.Format);

        var preparer = new QuestionRowPreparer(redactor, pseudonymizer, request.DefaultSource, startedAt);
        var rejections = new RejectionLog(_options.MaxReportedRejections);
        var totals = new WriteTotals();
        try
        {
            await RunPipelineAsync(reader, preparer, rejections, run.Id, startedAt, totals, progress, ct);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await RecordStopAsync(run, ex, totals, rejections, preparer.Tally);
            throw;
        }

        var result = new ImportResult(run.Id, reader.Format, reader.Rows, totals.Imported, totals.Duplicates, rejections.Total,
            rejections.Kept, rejections.NotListed, preparer.Tally.ToDictionary(), reader.FileHash, clock.Elapsed);
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

    private async Task RunPipelineAsync(QuestionFileReader reader, QuestionRowPreparer preparer, RejectionLog rejections, long runId,
        DateTime importedAt, WriteTotals totals, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<QuestionBatch>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => ProduceAsync(reader, preparer, rejections, channel.Writer, stop.Token), stop.Token);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var writer = new QuestionBatchWriter(db.Database.GetDbConnection(), new SchemaMigrator(db).Provider, runId, importedAt)
            {
                AfterRow = AfterRowWritten,
            };
            var batches = 0;
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                var (imported, duplicates) = await writer.WriteAsync(batch, ct);
                totals.Imported += imported;
                totals.Duplicates += duplicates;
                progress?.Report(new ImportProgress(runId, ++batches, totals.Imported, totals.Duplicates, batch.RejectedSoFar));
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            // Let the producer wind down before the reader is disposed; its own error, if any, is observed below.
            await Task.WhenAny(producer);
        }
        await producer;
    }

    private async Task ProduceAsync(QuestionFileReader reader, QuestionRowPreparer preparer, RejectionLog rejections,
        ChannelWriter<QuestionBatch> output, CancellationToken ct)
    {
        var batchSize = _options.BatchSize;
        var batch = new QuestionBatch(batchSize);
        try
        {
            while (await reader.ReadAsync(ct) is { } row)
            {
                if (row.IsRejected)
                {
                    rejections.Add(row.Rejection);
                    continue;
                }
                var record = row.Record!;
                if (!preparer.TryPrepare(record, out var prepared, out var reason))
                {
                    rejections.Add(new RowRejection(record.Line, reason!));
                    continue;
                }
                batch.Rows.Add(prepared);
                if (batch.Rows.Count < batchSize) continue;
                batch.RejectedSoFar = rejections.Total;
                await output.WriteAsync(batch, ct);
                batch = new QuestionBatch(batchSize);
            }
            batch.RejectedSoFar = rejections.Total;
            if (batch.Rows.Count > 0 || rejections.Total > 0) await output.WriteAsync(batch, ct);
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
            throw;
        }
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
    private async Task RecordStopAsync(ImportRun run, Exception error, WriteTotals totals, RejectionLog rejections, RedactionTally tally)
    {
        var status = error is OperationCanceledException ? "cancelled" : "failed";
        ImportLog.Stopped(_logger, run.Id, totals.Imported, status);
        try
        {
            await db.Entry(run).ReloadAsync(CancellationToken.None);
            run.Report = ImportReport.Serialize(status, null, rejections.Kept, rejections.NotListed, tally.ToDictionary(), error.Message);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            ImportLog.Stopped(_logger, run.Id, totals.Imported, "could not record the stop: " + ex.GetType().Name);
        }
    }

    private static string FormatName(QuestionFileFormat format) => format == QuestionFileFormat.Csv ? "csv" : "jsonl";

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private sealed class WriteTotals
    {
        public long Imported { get; set; }
        public long Duplicates { get; set; }
    }
}
