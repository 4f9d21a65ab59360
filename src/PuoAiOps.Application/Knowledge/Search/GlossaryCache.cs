using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Knowledge.Search;

/// <summary>
/// The synonym glossary as every knowledge search applies it, kept in memory: one query per
/// <see cref="RefreshAfter"/> instead of one per search (the bot searches on most messages). An edit
/// through <see cref="GlossaryService"/> in this process is seen by the next search
/// (<see cref="Invalidate"/>); an edit by another process (the CLI) within <see cref="RefreshAfter"/>.
/// </summary>
public sealed class GlossaryCache(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(5);

    /// <summary>One stored entry: its locale and its terms (the term first, then its synonyms).</summary>
    public sealed record Entry(string Locale, IReadOnlyCollection<string> Terms);

    private sealed record Snapshot(long Generation, long LoadedAt, IReadOnlyList<Entry> Entries);

    private readonly SemaphoreSlim _load = new(1, 1);
    private Snapshot? _current;
    private long _generation;

    /// <summary>Forgets the loaded glossary: the next search reads the database.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<IReadOnlyList<Entry>> EntriesAsync(CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } fresh) return fresh.Entries;
        await _load.WaitAsync(ct);
        try
        {
            if (Fresh(Volatile.Read(ref _current)) is { } loaded) return loaded.Entries;
            // Read before the query: an edit committed while it runs leaves this snapshot stale at once.
            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var rows = await db.Glossary.AsNoTracking().Select(e => new { e.Locale, e.Term, e.Synonyms }).ToListAsync(ct);
            var entries = rows.Select(e => new Entry(e.Locale, [e.Term, .. e.Synonyms])).ToList();
            Volatile.Write(ref _current, new Snapshot(generation, clock.GetTimestamp(), entries));
            return entries;
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
