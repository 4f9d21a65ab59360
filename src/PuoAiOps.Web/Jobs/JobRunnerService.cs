using Microsoft.Extensions.Options;
using PuoAiOps.Application.Jobs;

namespace PuoAiOps.Web.Jobs;

/// <summary>
/// Runs background jobs on this instance: polls the job table, leases the oldest waiting job and runs
/// it. Every instance does this, so work continues when one goes away (its leases expire and are taken
/// over). <c>Jobs:Enabled=false</c> keeps an instance out of it.
/// </summary>
internal sealed partial class JobRunnerService(JobRunner runner, IOptions<JobOptions> options, ILogger<JobRunnerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        var idle = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await runner.RunNextAsync(stoppingToken)) await Task.Delay(idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database may be briefly unavailable; the console keeps serving pages meanwhile.
                LogLoopFailed(logger, ex);
                await Task.Delay(idle * 5, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Jobs:Enabled is false: this instance runs no background jobs.")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The background job loop failed; retrying shortly")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
