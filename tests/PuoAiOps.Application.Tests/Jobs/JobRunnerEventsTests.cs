using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Classification;

namespace PuoAiOps.Application.Tests.Jobs;

/// <summary>The runner tells this instance's pages what its jobs do: start, progress, then success or failure.</summary>
public sealed class JobRunnerEventsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TrainJob_PublishesStarted_Progress_ThenSucceededWithItsMessage()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 20, outOfScope: 8, unlabeled: 0);
        var (job, _) = await bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.TrainAsync(new TrainRequest { Name = "live" }, ClassifierTestBed.Curator, Ct));
        var events = await RunAndCollectAsync(bed, job.Id);
        Assert.Equal(JobEventType.Started, events[0].Type);
        Assert.Equal(JobEventType.Succeeded, events[^1].Type);
        Assert.Equal(1, events[^1].Progress);
        Assert.Equal(ClassificationJobMessage.Trained, events[^1].Message?.Code);
        Assert.StartsWith("Trained live: accuracy", events[^1].Message?.English, StringComparison.Ordinal);
        Assert.Contains(events, e => e.Type == JobEventType.Progress);
        Assert.All(events, e => Assert.Equal(ClassifierJobKinds.Train, e.Kind));
        var progress = events.Where(e => e.Type == JobEventType.Progress).Select(e => e.Progress).ToList();
        Assert.Equal(progress.Order(), progress);
    }

    [Fact]
    public async Task FailingJob_PublishesFailed_WithTheMessageForPeople()
    {
        await using var bed = await ClassifierTestBed.CreateAsync(perIntent: 1, outOfScope: 0, unlabeled: 0);
        var (job, _) = await bed.WithAsync<ClassifierJobService, (BackgroundJob, bool)>(j => j.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, Ct));
        var events = await RunAndCollectAsync(bed, job.Id);
        Assert.Equal(JobEventType.Failed, events[^1].Type);
        Assert.Equal(ClassificationRefusal.TooFewQuestions, events[^1].Message?.Code);
        Assert.Contains("Label more questions first", events[^1].Message?.English, StringComparison.Ordinal);
    }

    private static async Task<List<JobEvent>> RunAndCollectAsync(ClassifierTestBed bed, long jobId)
    {
        var hub = bed.Services.GetRequiredService<JobEventHub>();
        Assert.Same(hub, bed.Services.GetRequiredService<IJobEvents>());
        var seen = new ConcurrentQueue<JobEvent>();
        var final = new TaskCompletionSource();
        using (hub.Subscribe(jobId, e =>
        {
            seen.Enqueue(e);
            if (e.IsFinal) final.TrySetResult();
            return Task.CompletedTask;
        }))
        {
            Assert.Equal(1, await bed.Services.GetRequiredService<JobRunner>().DrainAsync(Ct));
            await final.Task.WaitAsync(Ct);
        }
        Assert.Equal(0, hub.SubscriberCount);
        return [.. seen];
    }
}
