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
                // The same migrations as SQLite, by name and order.
                Assert.Equal(SchemaMigrator.ScriptsFor(DatabaseProvider.Sqlite).Select(m => m.Id), applied);
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

    [Fact]
    public async Task Migrations_ProduceTheSameSchemaAsTheModel()
    {
        // Guards the PostgreSQL scripts the way SqliteMigrationTests guards the SQLite ones.
        var server = Requirements.Postgres();
        var ct = TestContext.Current.CancellationToken;
        var migratedName = "puo_test_" + Guid.NewGuid().ToString("N")[..12];
        var modelName = "puo_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecAsync(server, $"CREATE DATABASE {migratedName}");
        await ExecAsync(server, $"CREATE DATABASE {modelName}");
        try
        {
            var migrated = Options(server, migratedName);
            var fromModel = Options(server, modelName);
            await using (var db = DbContextConfigurator.Create(migrated)) await new SchemaMigrator(db).MigrateAsync(ct);
            await using (var db = DbContextConfigurator.Create(fromModel)) await db.Database.EnsureCreatedAsync(ct);

            var expected = await DescribeSchemaAsync(fromModel.ConnectionString!);
            var actual = await DescribeSchemaAsync(migrated.ConnectionString!);
            Assert.True(expected.Count > 50, $"only {expected.Count} schema lines read");
            Assert.Equal([], expected.Except(actual).Order(StringComparer.Ordinal).ToList());
            Assert.Equal([], actual.Except(expected).Order(StringComparer.Ordinal).ToList());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(server, $"DROP DATABASE IF EXISTS {migratedName} WITH (FORCE)");
            await ExecAsync(server, $"DROP DATABASE IF EXISTS {modelName} WITH (FORCE)");
        }
    }

    private const string SearchIndex = "IX_Questions_Text_Trigram";
    private const string GramIndex = "IX_Questions_Text_Grams";

    [Fact]
    public async Task Migrations_CreateTheTrigramSearchIndex()
    {
        var server = Requirements.Postgres();
        var name = "puo_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecAsync(server, $"CREATE DATABASE {name}");
        try
        {
            var options = Options(server, name);
            await using (var db = DbContextConfigurator.Create(options)) await new SchemaMigrator(db).MigrateAsync(TestContext.Current.CancellationToken);
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = new NpgsqlCommand($"SELECT indexdef FROM pg_indexes WHERE indexname = '{SearchIndex}'", connection);
            var definition = (string?)await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken);
            Assert.Contains("USING gin (lower(\"Text\") gin_trgm_ops)", definition, StringComparison.Ordinal);
            cmd.CommandText = $"SELECT indexdef FROM pg_indexes WHERE indexname = '{GramIndex}'";
            definition = (string?)await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken);
            Assert.Contains("USING gin (puo_question_grams(lower(\"Text\")))", definition, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static DatabaseOptions Options(string server, string database) => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ToString(),
    };

    /// <summary>Tables, columns (type, nullability, default) and index definitions as comparable lines.</summary>
    private static async Task<HashSet<string>> DescribeSchemaAsync(string connectionString)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        const string columns = """
            SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length, -1), coalesce(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_%'
            """;
        await using (var cmd = new NpgsqlCommand(columns, connection))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
                lines.Add($"{r.GetString(0)}.{r.GetString(1)} {r.GetString(2)} nullable={r.GetString(3)} length={r.GetInt32(4)} default={r.GetString(5)}");
        }
        // The search indexes of migrations 0004 (a GIN index over lower("Text") with pg_trgm's operator class) and 0016
        // (a GIN index over the 1-2 character grams of lower("Text")) are expression indexes EF Core's model cannot
        // describe, so they are left out here by name and checked on their own.
        const string indexes = "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_%'" +
                               " AND indexname <> '" + SearchIndex + "' AND indexname <> '" + GramIndex + "'";
        await using (var cmd = new NpgsqlCommand(indexes, connection))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync()) lines.Add($"index {r.GetString(1)} on {r.GetString(0)}: {r.GetString(2)}");
        }
        return lines;
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
