using Microsoft.EntityFrameworkCore;
using Npgsql;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Jobs;

/// <summary>
/// Migration 0020 on both providers: a job row written before it keeps its English and reads without a
/// code; rows written after it store the code and arguments (nested codes and numbers kept) beside the English.
/// </summary>
public sealed class JobMessageMigrationTests
{
    private const string Migration = "0020_job_message_codes";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migration0020_OnSqlite_KeepsOldRows_AndStoresCodesAfterIt()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        await using var db = workspace.NewContext();
        await RewindAsync(db, "'2026-12-01 10:00:00'");
        await CheckAsync(db);
    }

    [Fact]
    public async Task Migration0020_OnPostgres_KeepsOldRows_AndStoresCodesAfterIt()
    {
        var server = Requirements.Postgres();
        var name = "puo_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecAsync(server, $"CREATE DATABASE {name}");
        try
        {
            var options = new DatabaseOptions
            {
                Provider = DatabaseProvider.Postgres,
                ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString(),
            };
            await using var db = DbContextConfigurator.Create(options);
            await new SchemaMigrator(db).MigrateAsync(Ct);
            await RewindAsync(db, "TIMESTAMPTZ '2026-12-01 10:00:00+00'");
            await CheckAsync(db);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    /// <summary>Takes the schema back to before 0020 and writes a job row as the code before it did.</summary>
    private static async Task RewindAsync(PuoDbContext db, string createdAt)
    {
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Jobs" DROP COLUMN "MessageCode";""", Ct);
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Jobs" DROP COLUMN "MessageArgs";""", Ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM __puo_schema_history WHERE id = '" + Migration + "';", Ct);
        // The time literal differs per provider (TEXT on SQLite, timestamptz on PostgreSQL); both are constants of this test.
        var insert = """INSERT INTO "Jobs" ("Kind", "Status", "Progress", "Message", "CreatedAt") VALUES ('classifier.train', 'Failed', 0.4, 'Training needs more labels.', """
            + createdAt + ");";
        await db.Database.ExecuteSqlRawAsync(insert, Ct);
    }

    private static async Task CheckAsync(PuoDbContext db)
    {
        Assert.Equal([Migration], await new SchemaMigrator(db).MigrateAsync(Ct));

        var queue = new JobQueue(db, TimeProvider.System);
        var old = Assert.Single(await queue.RecentAsync("classifier.", 10, Ct));
        var oldSnapshot = JobSnapshot.Of(old);
        Assert.Equal(("Training needs more labels.", (CodedMessage?)null), (oldSnapshot.Message, oldSnapshot.Code));

        var (job, _) = await queue.EnqueueAsync("test.migration", null, Actor.System("test"), single: false, Ct);
        Assert.Equal(CodedMessage.Of(JobMessage.Waiting), (await queue.SnapshotAsync(job.Id, Ct))!.Code);
        var leased = await queue.TryLeaseAsync("instance", TimeSpan.FromMinutes(1), ["test.migration"], Ct);
        Assert.Equal(job.Id, leased?.Id);
        var line = CodedMessage.Of(ClassificationRefusal.TooFewQuestions, 20, 12L);
        var failure = CodedMessage.Of(JobMessage.Crashed, line);
        Assert.True(await queue.FailAsync(job.Id, "instance", failure, Ct));

        var failed = (await queue.SnapshotAsync(job.Id, Ct))!;
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal(failure.English, failed.Message);
        var nested = Assert.IsType<CodedMessage>(Assert.Single(failed.Code!.Args));
        Assert.Equal(ClassificationRefusal.TooFewQuestions, nested.Code);
        Assert.Equal(new object[] { 20L, 12L }, nested.Args);
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
