using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// SQLite allows one writer at a time. Left to itself, a blocked writer polls on SQLite's busy-handler
/// schedule (sleeps of 1, 2, 5 … 100 ms), so under load some requests lose the lottery again and again
/// and the tail latency explodes. Queueing this process's writers on an async lock per database file
/// hands the lock over the moment it is free. The busy timeout still covers other processes (the CLI).
/// PostgreSQL has row locks and needs no gate.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable?> EnterAsync(PuoDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
