using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Testing;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Jobs;

/// <summary>Runs one background job through the console's own runner and reads its stored row as a Chinese page words it.</summary>
internal static class JobRuns
{
    /// <summary>Queues a job of <paramref name="kind"/> as is (no service checks first), runs the queue, and waits for the row to end.</summary>
    public static async Task<BackgroundJob> RunAsync(ConsoleFixture console, string kind, object payload)
    {
        var ct = TestContext.Current.CancellationToken;
        var queued = await console.WithServiceAsync<JobQueue, BackgroundJob>(async q =>
            (await q.EnqueueAsync(kind, payload, Actor.System("test"), single: false, ct)).Job);
        // The host's own runner may lease it first; either way the row ends.
        await console.Services.GetRequiredService<JobRunner>().DrainAsync(ct);
        return await Poll.ForAsync(() => console.WithServiceAsync<JobQueue, BackgroundJob?>(async q =>
                await q.GetAsync(queued.Id, ct) is { Status: JobStatus.Succeeded or JobStatus.Failed } done ? done : null),
            TimeSpan.FromMinutes(3), $"job {queued.Id} ({kind}) to end", ct);
    }

    /// <summary>The job's line as its progress bar and the page's snackbar word it for a zh-CN reader.</summary>
    public static string InChinese(ConsoleFixture console, BackgroundJob job)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            return console.Services.GetRequiredService<MessageWords>().Job(JobSnapshot.Of(job));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }
}
