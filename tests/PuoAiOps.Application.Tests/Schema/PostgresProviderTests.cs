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
        await using var scratch = await ScratchPostgresDatabase.CreateAsync("test", TestContext.Current.CancellationToken);
        var options = Options(scratch);
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

    [Fact]
    public async Task Migrations_ProduceTheSameSchemaAsTheModel()
    {
        // Guards the PostgreSQL scripts the way SqliteMigrationTests guards the SQLite ones.
        var ct = TestContext.Current.CancellationToken;
        await using var migratedDatabase = await ScratchPostgresDatabase.CreateAsync("test", ct);
        await using var modelDatabase = await ScratchPostgresDatabase.CreateAsync("test", ct);
        var migrated = Options(migratedDatabase);
        var fromModel = Options(modelDatabase);
        await using (var db = DbContextConfigurator.Create(migrated)) await new SchemaMigrator(db).MigrateAsync(ct);
        await using (var db = DbContextConfigurator.Create(fromModel)) await db.Database.EnsureCreatedAsync(ct);

        var expected = await DescribeSchemaAsync(fromModel.ConnectionString!);
        var actual = await DescribeSchemaAsync(migrated.ConnectionString!);
        Assert.True(expected.Count > 50, $"only {expected.Count} schema lines read");
        Assert.Equal([], expected.Except(actual).Order(StringComparer.Ordinal).ToList());
        Assert.Equal([], actual.Except(expected).Order(StringComparer.Ordinal).ToList());
    }

    private const string SearchIndex = "IX_Questions_Text_Trigram";
    private const string GramIndex = "IX_Questions_Text_Grams";

    [Fact]
    public async Task Migrations_CreateTheTrigramSearchIndex()
    {
        await using var scratch = await ScratchPostgresDatabase.CreateAsync("test", TestContext.Current.CancellationToken);
        var options = Options(scratch);
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

    private static DatabaseOptions Options(ScratchPostgresDatabase database) => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = database.ConnectionString,
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
}
