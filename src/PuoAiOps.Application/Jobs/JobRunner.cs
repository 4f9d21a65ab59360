using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Jobs;

/// <summary>
/// Leases and runs background jobs with the registered <see cref="IJobHandler"/>s. One per process;
/// any number of processes may run side by side (see <see cref="JobQueue"/>). While a job runs, a
/// heartbeat keeps its lease alive even when the handler reports nothing for a while (training).
/// Each step is also published to <see cref="JobEventHub"/>, so this instance's pages follow the job live.
/// </summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes,
    IEnumerable<JobHandlerRegistration> handlers,
    IOptions<JobOptions> options,
    JobEventHub events,
    TimeProvider clock,
    ILogger<JobRunner> logger)
{
    private readonly Dictionary<string, Type> _handlers = handlers.ToDictionary(h => h.Kind, h => h.HandlerType, StringComparer.Ordinal);

    /// <summary>Identifies this process in <c>BackgroundJob.LeasedBy</c>.</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);
    private TimeProvider Clock => clock;
    private ILogger Logger => logger;
    private JobEventHub Events => events;

    /// <summary>Runs every job there is until the queue is empty; returns how many ran.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var count = 0;
        while (await RunNextAsync(ct)) count++;
        return count;
    }

    /// <summary>Leases one job and runs it to the end; false when nothing was waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        BackgroundJob? job;
        await using (var scope = scopes.CreateAsyncScope())
            job = await scope.ServiceProvider.GetRequiredService<JobQueue>().TryLeaseAsync(Instance, Lease, _handlers.Keys, ct);
        if (job is null) return false;
        JobLog.Leased(logger, job.Id, job.Kind, Instance);
        await RunAsync(job, ct);
        return true;
    }

    private async Task RunAsync(BackgroundJob job, CancellationToken stopping)
    {
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var progress = new Progress(this, job, leaseLost);
        var heartbeat = HeartbeatAsync(progress, leaseLost.Token);
        var started = Stopwatch.StartNew();
        events.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Started, job.Progress, JobSnapshot.CodeOf(job)));
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(_handlers[job.Kind]);
            var outcome = await handler.RunAsync(job, progress, leaseLost.Token);
            if (await WithQueueAsync(q => q.CompleteAsync(job.Id, Instance, outcome, CancellationToken.None)))
                events.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Succeeded, 1, outcome.Message));
            JobLog.Succeeded(logger, job.Id, job.Kind, started.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another instance (or this one after a restart) takes over.
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            JobLog.LeaseLost(logger, job.Id);
        }
        catch (Exception ex) when (IsExplained(ex))
        {
            JobLog.Failed(logger, job.Id, job.Kind, ex.Message);
            // The refusal's own code and arguments, so each page words it in its reader's language.
            await FailAsync(job, progress, MessageCodes.CodeOf(ex) ?? WithoutCode(job, ex));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The cause goes to the log only; the page gets a reference to find it there.
            var reference = Guid.NewGuid().ToString("N")[..8];
            JobLog.Crashed(logger, job.Id, job.Kind, reference, ex);
            await FailAsync(job, progress, CodedMessage.Of(JobMessage.Crashed, reference));
        }
        finally
        {
            await leaseLost.CancelAsync();
            try { await heartbeat; } catch (OperationCanceledException) { }
        }
    }

    /// <summary>
    /// A refusal raised as a bare English sentence is never stored as the job's line (a Chinese page would show it
    /// as is): the line says it was refused and where the log has the sentence.
    /// </summary>
    private CodedMessage WithoutCode(BackgroundJob job, Exception ex)
    {
        var reference = Guid.NewGuid().ToString("N")[..8];
        JobLog.RefusedWithoutCode(logger, job.Id, job.Kind, reference, ex.Message);
        return CodedMessage.Of(JobMessage.RefusedWithoutCode, reference);
    }

    private async Task FailAsync(BackgroundJob job, Progress progress, CodedMessage message)
    {
        // Only the instance still holding the job says it failed: a lost lease means another one carries on.
        if (await WithQueueAsync(q => q.FailAsync(job.Id, Instance, message, CancellationToken.None)))
            events.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Failed, progress.Last, message));
    }

    /// <summary>Failures meant for people (refusals, an unusable LLM): stored as their code, worded by each page.</summary>
    private static bool IsExplained(Exception ex) =>
        ex is JobFailedException or ValidationException or ForbiddenException or NotFoundException or ConflictException
            or Ai.AiUnavailableException or Knowledge.KnowledgeInputException or Annotation.AnnotationException;

    private async Task HeartbeatAsync(Progress progress, CancellationToken ct)
    {
        var every = Lease / 3;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(every, clock, ct);
            await progress.BeatAsync(ct);
        }
    }

    private async Task<T> WithQueueAsync<T>(Func<JobQueue, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<JobQueue>());
    }

    /// <summary>Progress writes go through here: at most one every half second, the last one always.</summary>
    private sealed class Progress(JobRunner runner, BackgroundJob job, CancellationTokenSource leaseLost) : IJobProgress, IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly long _jobId = job.Id;
        private long _lastWrite;
        private double _last = job.Progress;

        /// <summary>The last fraction reported (what a failure event carries).</summary>
        public double Last => Volatile.Read(ref _last);

        public async Task ReportAsync(double fraction, CodedMessage message, CancellationToken ct = default)
        {
            var now = runner.Clock.GetTimestamp();
            if (fraction < 1 && runner.Clock.GetElapsedTime(Interlocked.Read(ref _lastWrite), now) < TimeSpan.FromMilliseconds(500)) return;
            Interlocked.Exchange(ref _lastWrite, now);
            var clamped = Math.Clamp(fraction, 0, 1);
            Volatile.Write(ref _last, clamped);
            // Pages hear it before the row is written: the event is the live view, the row what every instance reads.
            runner.Events.Publish(new JobEvent(_jobId, job.Kind, JobEventType.Progress, clamped, message));
            await WriteAsync(fraction, message, ct);
        }

        public Task BeatAsync(CancellationToken ct) => WriteAsync(null, null, ct);

        public void Dispose() => _gate.Dispose();

        private async Task WriteAsync(double? fraction, CodedMessage? message, CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                var held = await runner.WithQueueAsync(q => q.HeartbeatAsync(_jobId, runner.Instance, runner.Lease, fraction, message, ct));
                if (!held) await leaseLost.CancelAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // A busy database must not fail the job: the next beat tries again well within the lease.
                JobLog.HeartbeatFailed(runner.Logger, _jobId, ex.GetType().Name);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}

/// <summary>One registered handler type for a job kind.</summary>
public sealed record JobHandlerRegistration(string Kind, Type HandlerType);
