using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Bot.Storage;

/// <summary>
/// The one writer of chat turns. Requests queue their answered message; one task drains the queue and
/// stores everything waiting in one transaction (<see cref="TurnBatch"/>), so under load many turns
/// share a commit instead of each waiting for the database's single writer. Each request awaits the
/// commit of its batch before it answers: a returned turn id is durable and feedback on it works at
/// once. A failed batch fails each of its requests with <see cref="ServiceBusyException"/> (503, retry),
/// having stored none of them. Stopping drains the queue; a turn that arrives after that is written
/// on its own, so nothing is lost while the server finishes its last requests.
/// </summary>
public sealed partial class TurnWriter(IServiceScopeFactory scopes, ILogger<TurnWriter> logger) : IAsyncDisposable
{
    /// <summary>At most this many turns per transaction (a long transaction would hold the database's write lock too long).</summary>
    public const int MaxBatch = 256;

    private readonly Channel<PendingTurn> _queue = Channel.CreateBounded<PendingTurn>(new BoundedChannelOptions(4 * MaxBatch)
    {
        SingleReader = true, FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _startLock = new();
    private Task? _loop;

    /// <summary>Queues the turn and completes once it is committed (or fails with <see cref="ServiceBusyException"/>).</summary>
    public async Task<StoredTurn> WriteAsync(PendingTurn turn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        EnsureStarted();
        try
        {
            await _queue.Writer.WriteAsync(turn, ct);
        }
        catch (ChannelClosedException)
        {
            await WriteBatchAsync([turn]);
        }
        // Once queued the turn is stored even if the caller gives up; waiting stops with the request.
        return await turn.Done.Task.WaitAsync(ct);
    }

    /// <summary>Stops taking turns into the queue and waits until everything queued is stored.</summary>
    public async Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        Task? loop;
        lock (_startLock) loop = _loop;
        if (loop is not null) await loop;
    }

    public async ValueTask DisposeAsync()
    {
        await DrainAsync();
        _gate.Dispose();
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _loop) is not null) return;
        lock (_startLock) _loop ??= Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        var batch = new List<PendingTurn>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var turn)) batch.Add(turn);
            if (batch.Count > 0) await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<PendingTurn> batch)
    {
        await _gate.WaitAsync();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            // Not the callers' tokens: a batch holds many callers' turns and is stored whole.
            var stored = await TurnBatch.WriteAsync(db, batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                if (stored[i] is { } done) batch[i].Done.TrySetResult(done);
                else batch[i].Done.TrySetException(new NotFoundException($"Conversation {batch[i].ConversationId} no longer exists."));
            }
        }
        catch (Exception ex)
        {
            LogBatchFailed(ex, batch.Count);
            var busy = new ServiceBusyException("The answer could not be stored just now, so it was not kept; send the message again.", ex);
            foreach (var turn in batch) turn.Done.TrySetException(busy);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of {Count} chat turns failed; none of them was kept and their requests were refused")]
    private partial void LogBatchFailed(Exception exception, int count);
}
