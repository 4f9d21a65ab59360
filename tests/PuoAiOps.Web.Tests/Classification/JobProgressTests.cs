using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Components.Shared.Jobs;

namespace PuoAiOps.Web.Tests.Classification;

/// <summary>The job progress bar: the row once, then what the runner pushes; it lets go of the hub when it goes.</summary>
public sealed class JobProgressTests(TeamFixture team) : IClassFixture<TeamFixture>, IAsyncDisposable
{
    private readonly BunitContext _context = ClassifierComponentContext.Create(team);
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;

    [Fact]
    public async Task FirstRender_ShowsTheJobRow_ForAJobRunAnywhere()
    {
        var job = await QueueAsync();
        var bar = _context.Render<JobProgress>(p => p.Add(c => c.JobId, job.Id));
        bar.WaitForAssertion(() => Assert.Equal("queued", bar.Find("[data-testid=job-progress]").GetAttribute("data-job-status")));
        Assert.Contains("Queued", bar.Markup, StringComparison.Ordinal);
        Assert.Contains("Waiting for a worker", bar.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushedEvents_MoveTheBar_AndTheEndIsReportedOnce()
    {
        var job = await QueueAsync();
        var finished = new List<JobSnapshot>();
        var bar = _context.Render<JobProgress>(p => p.Add(c => c.JobId, job.Id).Add(c => c.OnFinished, s => finished.Add(s)));
        bar.WaitForAssertion(() => Assert.Equal("queued", bar.Find("[data-testid=job-progress]").GetAttribute("data-job-status")));
        var hub = _context.Services.GetRequiredService<JobEventHub>();

        hub.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Started, 0, "Started"));
        hub.Publish(new JobEvent(job.Id + 1000, job.Kind, JobEventType.Progress, 0.9, "another job"));
        hub.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Progress, 0.5, "Half way"));
        bar.WaitForAssertion(() => Assert.Equal("50", bar.Find("[data-testid=job-progress]").GetAttribute("data-progress")));
        Assert.Contains("Half way", bar.Markup, StringComparison.Ordinal);
        Assert.Contains("Running", bar.Markup, StringComparison.Ordinal);

        hub.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Succeeded, 1, "Trained it"));
        bar.WaitForAssertion(() => Assert.Equal("succeeded", bar.Find("[data-testid=job-progress]").GetAttribute("data-job-status")));
        Assert.Equal("100", bar.Find("[data-testid=job-progress]").GetAttribute("data-progress"));
        var snapshot = Assert.Single(finished);
        Assert.Equal(JobStatus.Succeeded, snapshot.Status);
        Assert.Equal("Trained it", snapshot.Message);
    }

    [Fact]
    public async Task Dispose_Unsubscribes()
    {
        var hub = _context.Services.GetRequiredService<JobEventHub>();
        var job = await QueueAsync();
        var before = hub.SubscriberCount;
        _context.Render<JobProgress>(p => p.Add(c => c.JobId, job.Id));
        Assert.Equal(before + 1, hub.SubscriberCount);
        await _context.DisposeComponentsAsync();
        Assert.Equal(before, hub.SubscriberCount);
    }

    [Fact]
    public async Task InChinese_TheStatusIsChinese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var job = await QueueAsync();
        var bar = _context.Render<JobProgress>(p => p.Add(c => c.JobId, job.Id));
        bar.WaitForAssertion(() => Assert.Contains("排队中", bar.Markup, StringComparison.Ordinal));
    }

    /// <summary>A job of a kind no runner handles, so it stays queued while the test drives its events.</summary>
    private Task<BackgroundJob> QueueAsync() => team.WithServiceAsync<JobQueue, BackgroundJob>(async q =>
        (await q.EnqueueAsync("test.progress", null, Actor.User(team.Admin.Id, "Ada", Roles.Admin), single: false)).Job);

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        await _context.DisposeAsync();
    }
}
