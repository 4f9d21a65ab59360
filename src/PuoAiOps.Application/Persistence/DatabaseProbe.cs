using Microsoft.EntityFrameworkCore;

namespace PuoAiOps.Application.Persistence;

/// <summary>What the health endpoint asks of the database: which provider, and whether a real query answers.</summary>
public sealed class DatabaseProbe(PuoDbContext db, SchemaMigrator migrator)
{
    public DatabaseProvider Provider => migrator.Provider;

    /// <summary>A real query against a migrated table, not just "the file opens"; throws when the database does not answer.</summary>
    public async Task ProbeAsync(CancellationToken ct) => await db.Roles.AsNoTracking().AnyAsync(ct);
}
