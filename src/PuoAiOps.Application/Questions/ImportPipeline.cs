using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The two stages of an import: a thread-pool task parses, redacts, hashes and packs a batch while
/// the caller's flow writes the previous one, so on two cores both stay busy. At most three batches
/// exist (being filled, waiting, being written) and their buffers are reused, so memory stays flat.
/// </summary>
internal sealed class ImportPipeline(PuoDbContext db, ImportOptions options, long runId, DateTime importedAt)
{
    private readonly ConcurrentQueue<PackedBatch> _spare = new();

    public long Imported { get; private set; }
    public long Duplicates { get; private set; }

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
        var count = 0;
        await foreach (var batch in batches.ReadAllAsync(ct))
        {
            (int Imported, int Duplicates) added;
            // On SQLite each batch queues with the console's other in-process writers (annotators) instead of
            // making them spin on the busy handler while it holds the write lock.
            using (await SqliteWriteGate.EnterAsync(db, ct))
                added = await writer.WriteAsync(batch, ct);
            Imported += added.Imported;
            Duplicates += added.Duplicates;
            progress?.Report(new ImportProgress(runId, ++count, Imported, Duplicates, batch.RejectedSoFar));
            batch.Reset();
            _spare.Enqueue(batch);
        }
    }

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
                await output.WriteAsync(batch, ct);
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
