using Microsoft.Extensions.DependencyInjection;

namespace PuoAiOps.Application.Admin;

/// <summary>
/// The workspace's time zone for whoever formats times (pages, exports), read from the settings at most once a
/// minute per instance: a change made on another instance shows here within that minute, one made here at once.
/// </summary>
public sealed class WorkspaceClock(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    private volatile Snapshot? _current;

    public async Task<WorkspaceTime> CurrentAsync(CancellationToken ct = default)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.LoadedAt < RefreshAfter) return current.Time;
        await using var scope = scopes.CreateAsyncScope();
        var zone = await scope.ServiceProvider.GetRequiredService<WorkspaceTimeZone>().GetAsync(ct);
        Set(zone);
        return _current!.Time;
    }

    public void Set(TimeZoneInfo zone) => _current = new Snapshot(new WorkspaceTime(zone), time.GetUtcNow());

    private sealed record Snapshot(WorkspaceTime Time, DateTimeOffset LoadedAt);
}
