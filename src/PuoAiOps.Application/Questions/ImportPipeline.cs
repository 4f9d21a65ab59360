using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Core.Import;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The two stages of an import, joined by a bounded channel of small chunks: a thread-pool task
/// parses, redacts and hashes while the caller's flow writes, so on two cores both stay busy and
/// memory stays flat. The writer commits every <see cref="ImportOptions.BatchSize"/> rows.
/// </summary>
internal sealed class ImportPipeline(PuoDbContext db, ImportOptions options, long runId, DateTime importedAt)
{
    private const int ChunksInFlight = 4;

    public long Imported { get; private set; }
    public long Duplicates { get; private set; }

    public Action<int>? AfterRowWritten { get; init; }

    /// <summary>Forces the portable ADO.NET insert path on SQLite (tests).</summary>
    public bool PortableWriter { get; init; }

    public async Task RunAsync(QuestionFileReader reader, QuestionRowPreparer preparer, RejectionLog rejections,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<QuestionChunk>(new BoundedChannelOptions(ChunksInFlight) { SingleReader = true, SingleWriter = true });
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

    private async Task WriteAsync(ChannelReader<QuestionChunk> chunks, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var provider = new SchemaMigrator(db).Provider;
        await using var tuning = await SqliteImportTuning.ApplyAsync(connection, provider, options.SqliteCacheMegabytes, ct);
        var batches = 0;
        long rejected = 0;
        // On SQLite each batch queues with the console's other in-process writers (annotators) instead of
        // making them spin on the busy handler while it holds the write lock.
        IDisposable? gate = null;
        try
        {
            await using var writer = new QuestionBatchWriter(connection, provider, runId, importedAt, PortableWriter) { AfterRow = AfterRowWritten };
            await foreach (var chunk in chunks.ReadAllAsync(ct))
            {
                rejected = chunk.RejectedSoFar;
                var offset = 0;
                do
                {
                    if (!writer.InTransaction) gate ??= await SqliteWriteGate.EnterAsync(db, ct);
                    // A batch may end inside a chunk: commit exactly every BatchSize rows.
                    offset = await writer.WriteAsync(chunk, offset, options.BatchSize - writer.PendingRows, ct);
                    if (writer.PendingRows >= options.BatchSize) await CommitAsync(writer);
                }
                while (offset < chunk.Rows.Count);
            }
            if (writer.InTransaction) await CommitAsync(writer);
        }
        finally
        {
            // After the writer is disposed, so an interrupted batch is rolled back before others may write.
            gate?.Dispose();
        }

        async Task CommitAsync(QuestionBatchWriter writer)
        {
            var (imported, duplicates) = await writer.CommitAsync(ct);
            gate?.Dispose();
            gate = null;
            Imported += imported;
            Duplicates += duplicates;
            progress?.Report(new ImportProgress(runId, ++batches, Imported, Duplicates, rejected));
        }
    }

    private static async Task ProduceAsync(QuestionFileReader reader, QuestionRowPreparer preparer, RejectionLog rejections,
        ChannelWriter<QuestionChunk> output, CancellationToken ct)
    {
        var chunk = new QuestionChunk(QuestionChunk.Size);
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
                chunk.Rows.Add(prepared);
                if (chunk.Rows.Count < QuestionChunk.Size) continue;
                chunk.Seal(rejections.Total);
                await output.WriteAsync(chunk, ct);
                chunk = new QuestionChunk(QuestionChunk.Size);
            }
            // The last chunk also carries the final rejected count, even when it holds no rows.
            chunk.Seal(rejections.Total);
            await output.WriteAsync(chunk, ct);
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
            throw;
        }
    }
}
