using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Web.Startup;

/// <summary>
/// Prepares the workspace at start: applies the schema migrations, then runs the
/// <see cref="IStartupTask"/>s. <see cref="InitializeAsync"/> is awaited by Program before the
/// server listens; as a hosted service it runs the <see cref="StartupPhase.AfterListening"/> tasks
/// in the background.
/// </summary>
public sealed partial class WorkspaceInitializer(
    IServiceScopeFactory scopes,
    IEnumerable<StartupTaskRegistration> tasks,
    ILogger<WorkspaceInitializer> logger) : BackgroundService
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var applied = await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            if (applied.Count > 0) LogMigrated(logger, applied.Count, string.Join(", ", applied));
        }
        await RunTasksAsync(StartupPhase.BeforeListening, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunTasksAsync(StartupPhase.AfterListening, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The console stays up: a failed seed must not take the operations console down.
            LogBackgroundFailed(logger, ex);
        }
    }

    private async Task RunTasksAsync(StartupPhase phase, CancellationToken ct)
    {
        foreach (var registration in tasks)
        {
            // A fresh scope per task: each gets its own DbContext and change tracker.
            await using var scope = scopes.CreateAsyncScope();
            var task = (IStartupTask)scope.ServiceProvider.GetRequiredService(registration.TaskType);
            if (task.Phase != phase) continue;
            var started = TimeProvider.System.GetTimestamp();
            await task.RunAsync(ct);
            LogTaskDone(logger, task.GetType().Name, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} schema migration(s): {Ids}")]
    private static partial void LogMigrated(ILogger logger, int count, string ids);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up task {Task} done in {Milliseconds:F0} ms")]
    private static partial void LogTaskDone(ILogger logger, string task, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A background start-up task failed")]
    private static partial void LogBackgroundFailed(ILogger logger, Exception exception);
}
