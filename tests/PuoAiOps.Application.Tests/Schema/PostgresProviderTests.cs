using Microsoft.EntityFrameworkCore;
using Npgsql;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Schema;

/// <summary>The PostgreSQL migration set, run against a real server in a fresh database.</summary>
public sealed class PostgresProviderTests
{
    [Fact]
    public async Task Migrations_CreateSchema_ThatSupportsCreateReadUpdate()
    {
        var server = Requirements.Postgres();
        var dbName = "puo_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecAsync(server, $"CREATE DATABASE {dbName}");
        try
        {
            var options = new DatabaseOptions
            {
                Provider = DatabaseProvider.Postgres,
                ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = dbName, Pooling = false }.ToString(),
            };
            await using (var db = DbContextConfigurator.Create(options))
            {
                var applied = await new SchemaMigrator(db).MigrateAsync(TestContext.Current.CancellationToken);
                Assert.Contains("0001_initial", applied);
                Assert.Empty(await new SchemaMigrator(db).MigrateAsync(TestContext.Current.CancellationToken));

                var domain = new IntentDomain { Key = "payments", Names = new() { ["en"] = "Payments", ["zh-CN"] = "支付" } };
                domain.Intents.Add(new Intent { Key = "recharge_failed", Names = new() { ["en"] = "Recharge failed" }, Examples = ["my coins did not arrive"] });
                db.Domains.Add(domain);
                db.Conversations.Add(new Conversation { UserRef = "u1", Outcome = ConversationOutcome.Resolved, StartedAt = DateTime.UtcNow });
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
            await using (var db = DbContextConfigurator.Create(options))
            {
                var intent = await db.Intents.Include(i => i.Domain).SingleAsync(TestContext.Current.CancellationToken);
                Assert.Equal("支付", intent.Domain!.Names["zh-CN"]);
                Assert.Equal(["my coins did not arrive"], intent.Examples);
                intent.Names["zh-CN"] = "充值失败";
                intent.Version = Guid.NewGuid();
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                var conversation = await db.Conversations.SingleAsync(TestContext.Current.CancellationToken);
                Assert.Equal(DateTimeKind.Utc, conversation.StartedAt.Kind);
            }
            await using (var db = DbContextConfigurator.Create(options))
            {
                var intent = await db.Intents.SingleAsync(TestContext.Current.CancellationToken);
                Assert.Equal("充值失败", intent.Names["zh-CN"]);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(server, $"DROP DATABASE IF EXISTS {dbName} WITH (FORCE)");
        }
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
