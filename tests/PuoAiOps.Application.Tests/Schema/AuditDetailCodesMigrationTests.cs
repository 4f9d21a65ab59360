using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Schema;

/// <summary>
/// Migration 0022 on both providers: an audit entry written before it keeps its English detail and reads without a
/// code; an entry written after it stores the code and arguments beside the English.
/// </summary>
public sealed class AuditDetailCodesMigrationTests
{
    private const string Migration = "0022_audit_detail_codes";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migration0022_OnSqlite_KeepsOldEntries_AndStoresCodesAfterIt()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        await CheckAsync(workspace.Options);
    }

    [Fact]
    public async Task Migration0022_OnPostgres_KeepsOldEntries_AndStoresCodesAfterIt()
    {
        await using var scratch = await ScratchPostgresDatabase.CreateAsync("test", Ct);
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = scratch.ConnectionString };
        await using (var db = DbContextConfigurator.Create(options)) await new SchemaMigrator(db).MigrateAsync(Ct);
        await CheckAsync(options);
    }

    private static async Task CheckAsync(DatabaseOptions options)
    {
        await using (var db = DbContextConfigurator.Create(options))
        {
            // Back to before 0022, with one entry as the code before it wrote them.
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditLog" DROP COLUMN "DetailCode";""", Ct);
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditLog" DROP COLUMN "DetailArgs";""", Ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM __puo_schema_history WHERE id = '" + Migration + "';", Ct);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "AuditLog" ("At", "ActorName", "Action", "EntityType", "EntityId", "Detail") VALUES ('2026-12-01 10:00:00', 'Ada', 'user.created', 'User', 'u-old', 'role Annotator');""", Ct);

            Assert.Equal([Migration], await new SchemaMigrator(db).MigrateAsync(Ct));

            db.AuditLog.Add(new AuditEntry { ActorName = "Ada", Action = "user.created", EntityType = "User", EntityId = "u-new" }
                .WithDetail(AuditDetail.UserCreated, AuditDetails.Role(Roles.Curator)));
            await db.SaveChangesAsync(Ct);
        }

        await using var context = DbContextConfigurator.Create(options);
        var page = await new AuditLogReader(context).PageAsync(new AuditQuery(OldestFirst: true), Ct);
        Assert.Equal(2, page.Total);
        Assert.Equal(("role Annotator", (CodedMessage?)null), (page.Rows[0].Detail, page.Rows[0].DetailCode));
        Assert.Equal("role Curator", page.Rows[1].Detail);
        Assert.Equal(CodedMessage.Of(AuditDetail.UserCreated, CodedMessage.Of(AuditDetail.RoleCurator)), page.Rows[1].DetailCode);
    }
}
