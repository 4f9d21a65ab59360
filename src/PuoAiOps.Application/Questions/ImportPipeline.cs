using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The two stages of an import: a thread-pool task parses, redacts, hashes and packs a batch while
/// the caller's flow writes the previous one, so on two cores both stay busy. At most three batches
/// exist (being filled, waiting, being written) and their buffers are reused, so memory stays flat.
/// </summary>
internal sealed class ImportPipeline(PuoDbContext db, ImportOptions options, long runId, DateTime importedAt, ILogger logger)
{
    private readonly ConcurrentQueue<PackedBatch> _spare = new();
    private TimeSpan _preparerWaited;

    public long Imported { get; private set; }
    public long Duplicates { get; private set; }

    /// <summary>Where the time went so far (complete once <see cref="RunAsync"/> returns).</summary>
    public ImportStageTimes Stages { get; private set; } = ImportStageTimes.None;

    public Action<int>? AfterRowWritten { get; init; }

    /// <summary>Forces the portable ADO.NET insert path on SQLite (tests).</summary>
    public bool PortableWriter { get; init; }

    public async Task RunAsync(QuestionFileReader reader, QuestionRowPreparer preparer, RejectionLog rejections,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<PackedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => ProduceAsync(reader, preparer, rejections, channel.Writer, stop.Token), stop.Token);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await WriteAsync(channel.Reader, progress, ct);
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

    private async Task WriteAsync(ChannelReader<PackedBatch> batches, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var provider = new SchemaMigrator(db).Provider;
        await using var tuning = await SqliteImportTuning.ApplyAsync(connection, provider, options.SqliteCacheMegabytes, ct);
        await using var writer = new QuestionBatchWriter(connection, provider, runId, importedAt, PortableWriter) { AfterRow = AfterRowWritten };
        var stages = ImportStageTimes.None;
        var waiting = StageMark.Start();
        await foreach (var batch in batches.ReadAllAsync(ct))
        {
            var waited = waiting.Stop().Wall;
            BatchWritten written;
            // On SQLite each batch queues with the console's other in-process writers (annotators) instead of
            // making them spin on the busy handler while it holds the write lock.
            using (await SqliteWriteGate.EnterAsync(db, ct))
                written = await writer.WriteAsync(batch, ct);
            // A checkpoint takes no write lock: other writers go ahead meanwhile.
            var checkpoint = tuning.CheckpointIfDue();
            Imported += written.Imported;
            Duplicates += written.Duplicates;
            var pages = tuning.Pages;
            stages = new ImportStageTimes(stages.Batches + 1, stages.Insert + written.Insert, stages.Commit + written.Commit,
                stages.Checkpoint + checkpoint, stages.WriterWaited + waited, _preparerWaited, pages.Written, pages.Read, pages.Spills);
            Stages = stages;
            ImportLog.BatchWritten(logger, runId, stages.Batches, batch.Count, Imported, Ms(written.Insert.Wall), Ms(written.Insert.Cpu),
                Ms(written.Commit.Wall), Ms(written.Commit.Cpu), Ms(checkpoint.Wall), Ms(checkpoint.Cpu), pages.Written, pages.Read, Ms(waited));
            progress?.Report(new ImportProgress(runId, stages.Batches, Imported, Duplicates, batch.RejectedSoFar));
            batch.Reset();
            _spare.Enqueue(batch);
            waiting = StageMark.Start();
        }
        Stages = stages with { PreparerWaited = _preparerWaited };
    }

    private static long Ms(TimeSpan? time) => time is { } t ? (long)t.TotalMilliseconds : -1;

    private async Task ProduceAsync(QuestionFileReader reader, QuestionRowPreparer preparer, RejectionLog rejections,
        ChannelWriter<PackedBatch> output, CancellationToken ct)
    {
        var batch = NextBatch();
        try
        {
            while (await reader.ReadAsync(ct) is { } row)
            {
                if (row.IsRejected)
                {
                    rejections.Add(row.Rejection);
                    continue;
                }
                if (!preparer.TryPrepare(row.Record!, out var prepared, out var reason))
                {
                    rejections.Add(new RowRejection(row.Record!.Line, reason!));
                    continue;
                }
                batch.Add(prepared);
                if (batch.Count < options.BatchSize) continue;
                batch.Seal(rejections.Total);
                var blocked = StageMark.Start();
                await output.WriteAsync(batch, ct);
                _preparerWaited += blocked.Stop().Wall;
                batch = NextBatch();
            }
            // The last batch also carries the final rejected count, even when it holds no rows.
            batch.Seal(rejections.Total);
            await output.WriteAsync(batch, ct);
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
            throw;
        }
    }

    private PackedBatch NextBatch() => _spare.TryDequeue(out var batch) ? batch : new PackedBatch();
}
