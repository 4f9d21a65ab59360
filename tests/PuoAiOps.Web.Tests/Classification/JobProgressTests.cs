using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Components.Shared.Jobs;
using PuoAiOps.Core.Messages;

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
        var firstEnd = new TaskCompletionSource<JobSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bar = _context.Render<JobProgress>(p => p.Add(c => c.JobId, job.Id).Add(c => c.OnFinished, s =>
        {
            finished.Add(s);
            firstEnd.TrySetResult(s);
        }));
        bar.WaitForAssertion(() => Assert.Equal("queued", bar.Find("[data-testid=job-progress]").GetAttribute("data-job-status")));
        var hub = _context.Services.GetRequiredService<JobEventHub>();

        hub.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Started, 0, CodedMessage.Of(JobMessage.AsWritten, "Started")));
        hub.Publish(new JobEvent(job.Id + 1000, job.Kind, JobEventType.Progress, 0.9, CodedMessage.Of(JobMessage.AsWritten, "another job")));
        hub.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Progress, 0.5, CodedMessage.Of(JobMessage.AsWritten, "Half way")));
        bar.WaitForAssertion(() => Assert.Equal("50", bar.Find("[data-testid=job-progress]").GetAttribute("data-progress")));
        Assert.Contains("Half way", bar.Markup, StringComparison.Ordinal);
        Assert.Contains("Running", bar.Markup, StringComparison.Ordinal);

        hub.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Succeeded, 1, CodedMessage.Of(JobMessage.AsWritten, "Trained it")));
        bar.WaitForAssertion(() => Assert.Equal("succeeded", bar.Find("[data-testid=job-progress]").GetAttribute("data-job-status")));
        Assert.Equal("100", bar.Find("[data-testid=job-progress]").GetAttribute("data-progress"));
        // The bar renders the end before it calls OnFinished, on the renderer's thread: wait for the call itself.
        await firstEnd.Task.WaitAsync(TimeSpan.FromSeconds(30), Xunit.TestContext.Current.CancellationToken);
        var snapshot = Assert.Single(finished);
        Assert.Equal(JobStatus.Succeeded, snapshot.Status);
        Assert.Equal("Trained it", snapshot.Message);
        Assert.Equal(CodedMessage.Of(JobMessage.AsWritten, "Trained it"), snapshot.Code);
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

    [Fact]
    public async Task InChinese_ThePushedLineIsWordedFromItsCode_AndAnOldRowsEnglishIsMarkedAsEnglish()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var job = await QueueAsync();
        var bar = _context.Render<JobProgress>(p => p.Add(c => c.JobId, job.Id));
        bar.WaitForAssertion(() => Assert.Contains("等待执行", bar.Markup, StringComparison.Ordinal));
        var hub = _context.Services.GetRequiredService<JobEventHub>();

        hub.Publish(new JobEvent(job.Id, job.Kind, JobEventType.Progress, 0.25, CodedMessage.Of(PuoAiOps.Application.Knowledge.Ingestion.KnowledgeJobMessage.SyncProgress, 1, 4)));
        bar.WaitForAssertion(() => Assert.Equal("1 / 4 个文件", bar.Find(".job-progress-message span").TextContent));
        Assert.False(bar.Find(".job-progress-message span").HasAttribute("lang"));

        var old = await team.WithDbAsync(async db =>
        {
            var row = new BackgroundJob { Kind = "test.progress", Status = JobStatus.Failed, Message = "Written in English before codes." };
            db.Jobs.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var oldBar = _context.Render<JobProgress>(p => p.Add(c => c.JobId, old));
        oldBar.WaitForAssertion(() => Assert.Equal("Written in English before codes.", oldBar.Find(".job-progress-message span").TextContent));
        Assert.Equal("en", oldBar.Find(".job-progress-message span").GetAttribute("lang"));
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
