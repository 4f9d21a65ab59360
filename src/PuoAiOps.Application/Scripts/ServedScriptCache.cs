using Microsoft.Extensions.DependencyInjection;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// The approved scripts as the bot looks them up, kept in memory: one query per
/// <see cref="RefreshAfter"/> instead of a three-table join on every message. The effective date is
/// checked at each lookup (a version that comes into force is served on time); an approval or a
/// retirement made through <see cref="ScriptReview"/> in this process reaches the bot at once
/// (<see cref="Invalidate"/>), any other change (another process, a taxonomy change) within
/// <see cref="RefreshAfter"/>. The pages and the REST API read the database (<see cref="ScriptLibrary.ServedAsync"/>).
/// </summary>
public sealed class ServedScriptCache(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(5);

    private sealed record Snapshot(long Generation, long LoadedAt, ILookup<(string Intent, string Locale, string Channel), ServedScript> Scripts);

    private readonly SemaphoreSlim _load = new(1, 1);
    private Snapshot? _current;
    private long _generation;

    /// <summary>Forgets the loaded scripts: the next lookup reads the database.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// The approved version in force at <paramref name="now"/> for the intent, locale and channel (per
    /// script the newest such version; of several scripts the oldest script), or null.
    /// </summary>
    public async Task<ServedScript?> FindAsync(string intent, string locale, string channel, DateTime now, CancellationToken ct)
    {
        var snapshot = await CurrentAsync(ct);
        ServedScript? best = null;
        foreach (var v in snapshot.Scripts[(intent, locale, channel)])
        {
            if (v.EffectiveFrom is { } from && from > now) continue;
            if (best is null || v.ScriptId < best.ScriptId || (v.ScriptId == best.ScriptId && v.Number > best.Number)) best = v;
        }
        return best;
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } fresh) return fresh;
        await _load.WaitAsync(ct);
        try
        {
            if (Fresh(Volatile.Read(ref _current)) is { } loaded) return loaded;
            // Read before the query: an invalidation while it runs leaves this snapshot stale at once.
            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var versions = await scope.ServiceProvider.GetRequiredService<ScriptLibrary>().ApprovedVersionsAsync(ct);
            var snapshot = new Snapshot(generation, clock.GetTimestamp(), versions.ToLookup(v => (v.IntentKey, v.Locale, v.Channel)));
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
        finally
        {
            _load.Release();
        }
    }

    public void Dispose() => _load.Dispose();

    private Snapshot? Fresh(Snapshot? s) =>
        s is not null && s.Generation == Interlocked.Read(ref _generation) && clock.GetElapsedTime(s.LoadedAt) < RefreshAfter ? s : null;
}
