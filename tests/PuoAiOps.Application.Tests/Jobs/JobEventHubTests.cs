using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Jobs;

namespace PuoAiOps.Application.Tests.Jobs;

/// <summary>The in-process job events: filtered, in order, never blocking the runner, and gone once disposed.</summary>
public sealed class JobEventHubTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly JobEventHub _hub = new(NullLogger<JobEventHub>.Instance);

    [Fact]
    public async Task Subscribe_ForOneJob_GetsOnlyItsEvents_InOrder()
    {
        var seen = new List<JobEvent>();
        var done = new TaskCompletionSource();
        using var subscription = _hub.Subscribe(7, e =>
        {
            seen.Add(e);
            if (e.IsFinal) done.TrySetResult();
            return Task.CompletedTask;
        });
        _hub.Publish(Event(7, JobEventType.Started, 0));
        _hub.Publish(Event(8, JobEventType.Progress, 0.5));
        _hub.Publish(Event(7, JobEventType.Progress, 0.4));
        _hub.Publish(Event(8, JobEventType.Succeeded, 1));
        _hub.Publish(Event(7, JobEventType.Succeeded, 1));
        await done.Task.WaitAsync(Ct);
        Assert.Equal([JobEventType.Started, JobEventType.Progress, JobEventType.Succeeded], seen.Select(e => e.Type));
        Assert.All(seen, e => Assert.Equal(7, e.JobId));
    }

    [Fact]
    public async Task Subscribe_ForEveryJob_SeesThemAll()
    {
        var seen = new ConcurrentBag<long>();
        var done = new TaskCompletionSource();
        using var subscription = _hub.Subscribe(null, e =>
        {
            seen.Add(e.JobId);
            if (seen.Count == 2) done.TrySetResult();
            return Task.CompletedTask;
        });
        _hub.Publish(Event(1, JobEventType.Started, 0));
        _hub.Publish(Event(2, JobEventType.Started, 0));
        await done.Task.WaitAsync(Ct);
        Assert.Equal([1L, 2L], seen.Order());
    }

    [Fact]
    public async Task Dispose_RemovesTheSubscription_AndNothingMoreIsDelivered()
    {
        var calls = 0;
        var first = new TaskCompletionSource();
        var subscription = _hub.Subscribe(3, _ =>
        {
            Interlocked.Increment(ref calls);
            first.TrySetResult();
            return Task.CompletedTask;
        });
        Assert.Equal(1, _hub.SubscriberCount);
        _hub.Publish(Event(3, JobEventType.Started, 0));
        await first.Task.WaitAsync(Ct);
        subscription.Dispose();
        subscription.Dispose(); // twice is harmless
        Assert.Equal(0, _hub.SubscriberCount);
        _hub.Publish(Event(3, JobEventType.Succeeded, 1));
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task SlowSubscriber_NeverBlocksPublish_AndStillGetsTheFinalEventLast()
    {
        var gate = new TaskCompletionSource();
        var seen = new List<JobEvent>();
        var done = new TaskCompletionSource();
        using var slow = _hub.Subscribe(5, async e =>
        {
            await gate.Task;
            seen.Add(e);
            if (e.IsFinal) done.TrySetResult();
        });
        // The handler is stuck on its first event: every Publish must still return at once.
        for (var i = 0; i <= 200; i++) _hub.Publish(Event(5, JobEventType.Progress, i / 200.0));
        _hub.Publish(Event(5, JobEventType.Succeeded, 1));
        gate.SetResult();
        await done.Task.WaitAsync(Ct);
        Assert.Equal(JobEventType.Succeeded, seen[^1].Type);
        Assert.True(seen.Count <= JobEventHub.Backlog + 1, $"{seen.Count} events delivered; the backlog should have dropped the oldest");
        Assert.Equal(seen.Select(e => e.Progress).Order(), seen.Select(e => e.Progress));
    }

    [Fact]
    public async Task ThrowingSubscriber_KeepsReceiving_AndDoesNotDisturbOthers()
    {
        var thrown = 0;
        var bad = new TaskCompletionSource();
        var good = new TaskCompletionSource();
        using var broken = _hub.Subscribe(9, e =>
        {
            Interlocked.Increment(ref thrown);
            if (e.IsFinal) bad.TrySetResult();
            throw new InvalidOperationException("the circuit is gone");
        });
        using var healthy = _hub.Subscribe(9, e =>
        {
            if (e.IsFinal) good.TrySetResult();
            return Task.CompletedTask;
        });
        _hub.Publish(Event(9, JobEventType.Progress, 0.5));
        _hub.Publish(Event(9, JobEventType.Failed, 0.5));
        await Task.WhenAll(bad.Task, good.Task).WaitAsync(Ct);
        Assert.Equal(2, Volatile.Read(ref thrown));
    }

    [Fact]
    public async Task ManyThreads_SubscribingPublishingAndDisposing_LeaveNoSubscription()
    {
        await Parallel.ForAsync(0, 200, Ct, async (i, ct) =>
        {
            using var subscription = _hub.Subscribe(i % 4, _ => Task.CompletedTask);
            _hub.Publish(Event(i % 4, JobEventType.Progress, 0.1));
            await Task.Yield();
            _hub.Publish(Event(i % 4, JobEventType.Succeeded, 1));
        });
        Assert.Equal(0, _hub.SubscriberCount);
    }

    private static JobEvent Event(long job, JobEventType type, double progress) => new(job, "test", type, progress, PuoAiOps.Core.Messages.CodedMessage.Of(JobMessage.AsWritten, type.ToString()));
}
