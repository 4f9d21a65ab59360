using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PuoAiOps.Application.Annotation;

/// <summary>Classifies provider exceptions so the services can retry or report a conflict on SQLite and PostgreSQL alike.</summary>
internal static class DbErrors
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteConstraint = 19;

    /// <summary>A unique or primary-key violation: someone else stored the same row first.</summary>
    public static bool IsUniqueViolation(Exception ex) => Root(ex) switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Lock timeouts, serialization failures and deadlocks: the whole transaction may simply be run again.</summary>
    public static bool IsTransient(Exception ex) => Root(ex) switch
    {
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        PostgresException p => p.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    private static Exception Root(Exception ex) => ex is DbUpdateException { InnerException: { } inner } ? inner : ex;
}
