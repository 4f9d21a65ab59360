using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PuoAiOps.Application.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run while one writer writes; the busy timeout
/// makes a second writer wait instead of failing at once; foreign keys are off by default in SQLite.
/// The settings belong to the native connection, which the pool keeps open between uses: they are
/// applied the first time a native connection is opened, not on every open of a pooled one (a
/// request opens several, and each would run the three statements again).
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    private string Pragmas => $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection, out var handle)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkApplied(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection, out var handle)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkApplied(handle);
    }

    private bool NeedsPragmas(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        // The applied timeout is remembered too: an interceptor with another timeout applies its own.
        return handle is null || !Applied.TryGetValue(handle, out var applied) || (int)applied != busyTimeoutMs;
    }

    private void MarkApplied(object? handle)
    {
        if (handle is not null) Applied.AddOrUpdate(handle, busyTimeoutMs);
    }
}
