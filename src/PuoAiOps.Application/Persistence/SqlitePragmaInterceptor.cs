using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PuoAiOps.Application.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run while one writer writes; the busy timeout
/// makes a second writer wait instead of failing at once; foreign keys are off by default in SQLite.
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
{
    private string Pragmas => $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
