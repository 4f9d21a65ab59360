using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Jobs;

/// <summary>
/// The in-process <see cref="IJobEvents"/> (a singleton). Publishing never waits on a subscriber: each
/// subscription has a small bounded channel and its own pump, so a slow or broken page cannot slow a
/// job down, and a dropped subscription leaves nothing behind.
/// </summary>
public sealed class JobEventHub(ILogger<JobEventHub> logger) : IJobEvents
{
    /// <summary>Events a subscriber may lag behind before the oldest are dropped (progress only: it is superseded anyway).</summary>
    internal const int Backlog = 16;

    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    /// <summary>Open subscriptions; what a closed page must not leave behind.</summary>
    public int SubscriberCount => _subscriptions.Count;

    public IDisposable Subscribe(long? jobId, Func<JobEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, jobId, handler);
        _subscriptions.TryAdd(subscription, 0);
        subscription.Start();
        return subscription;
    }

    /// <summary>Hands <paramref name="e"/> to every subscription that wants it; returns at once.</summary>
    public void Publish(JobEvent e)
    {
        foreach (var subscription in _subscriptions.Keys)
            if (subscription.JobId is null || subscription.JobId == e.JobId)
                subscription.Offer(e);
    }

    private sealed class Subscription(JobEventHub hub, long? jobId, Func<JobEvent, Task> handler) : IDisposable
    {
        // Dropping the oldest keeps each job's newest state (its final event is always its last one).
        private readonly Channel<JobEvent> _events = Channel.CreateBounded<JobEvent>(
            new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        private int _disposed;

        public long? JobId => jobId;

        public void Start() => _ = Task.Run(PumpAsync);

        public void Offer(JobEvent e) => _events.Writer.TryWrite(e);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            hub._subscriptions.TryRemove(this, out _);
            _events.Writer.TryComplete();
        }

        private async Task PumpAsync()
        {
            // Ends when Dispose completes the channel; what was still queued is not delivered to a closed page.
            await foreach (var e in _events.Reader.ReadAllAsync())
            {
                if (Volatile.Read(ref _disposed) == 1) return;
                try
                {
                    await handler(e);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A page that failed to redraw (its circuit may be gone) must not stop the others.
                    JobLog.SubscriberFailed(hub._logger, e.JobId, ex.GetType().Name);
                }
            }
        }
    }

    private readonly ILogger _logger = logger;
}
