using Microsoft.Data.Sqlite;
using Npgsql;

namespace PuoAiOps.Application.Common;

/// <summary>
/// The request was fine but could not be served right now (the database is locked by a long write
/// such as the first start's demo seeding, or storing failed and nothing was kept): the web layer
/// answers 503 with <see cref="RetryAfter"/>, never 500, because asking again shortly will work.
/// </summary>
public sealed class ServiceBusyException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(2);

    public ServiceBusyException(string message, Exception? inner = null) : this(message, DefaultRetryAfter, inner) { }

    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps, as EF's DbUpdateException does) says the
    /// database is busy rather than broken: SQLite's BUSY/LOCKED after the busy timeout, PostgreSQL's
    /// lock timeout, deadlock or serialization failure, or too many connections.
    /// </summary>
    public static bool IsDatabaseBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 }) return true; // SQLITE_BUSY, SQLITE_LOCKED
            if (e is PostgresException { SqlState: "55P03" or "40P01" or "40001" or "53300" }) return true;
        }
        return false;
    }
}
