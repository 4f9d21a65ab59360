using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Annotation;

/// <summary>
/// Keeps the context's connection open across one service call. Left alone, EF opens and closes the
/// (pooled) connection around every query, and each open re-runs the per-connection setup (SQLite
/// pragmas); a queue call makes a dozen queries, so that setup would dominate the hot path.
/// </summary>
internal sealed class ConnectionScope : IAsyncDisposable
{
    private readonly PuoDbContext? _db;

    private ConnectionScope(PuoDbContext? db) => _db = db;

    public static async Task<ConnectionScope> OpenAsync(PuoDbContext db, CancellationToken ct)
    {
        // Already open (an outer scope or the caller owns it): leave it to them.
        if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Open) return new ConnectionScope(null);
        await db.Database.OpenConnectionAsync(ct);
        return new ConnectionScope(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null) await _db.Database.CloseConnectionAsync();
    }
}
