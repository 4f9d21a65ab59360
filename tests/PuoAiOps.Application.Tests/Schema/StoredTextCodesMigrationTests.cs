using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Schema;

/// <summary>
/// Migration 0023 on both providers: a taxonomy change, a version note and an escalation written before it keep
/// their English and read without a code; rows written after it store the code and arguments beside the English.
/// </summary>
public sealed class StoredTextCodesMigrationTests
{
    private const string Migration = "0023_stored_text_codes";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] DropAdded =
    [
        """ALTER TABLE "TaxonomyChanges" DROP COLUMN "SummaryCode";""", """ALTER TABLE "TaxonomyChanges" DROP COLUMN "SummaryArgs";""",
        """ALTER TABLE "TaxonomyVersions" DROP COLUMN "NoteCode";""", """ALTER TABLE "TaxonomyVersions" DROP COLUMN "NoteArgs";""",
        """ALTER TABLE "Escalations" DROP COLUMN "ReasonCode";""", """ALTER TABLE "Escalations" DROP COLUMN "ReasonArgs";""",
    ];

    [Fact]
    public async Task Migration0023_OnSqlite_KeepsOldRows_AndStoresCodesAfterIt()
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        await CheckAsync(workspace.Options);
    }

    [Fact]
    public async Task Migration0023_OnPostgres_KeepsOldRows_AndStoresCodesAfterIt()
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
            await using (var db = DbContextConfigurator.Create(options)) await new SchemaMigrator(db).MigrateAsync(Ct);
            await CheckAsync(options);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task CheckAsync(DatabaseOptions options)
    {
        await using (var db = DbContextConfigurator.Create(options))
        {
            var conversation = new Conversation { UserRef = "u-old", Channel = "app", Locale = "en", Outcome = ConversationOutcome.Escalated };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(Ct);
            // Back to before 0023, with one row of each as the code before it wrote them.
            foreach (var drop in DropAdded) await db.Database.ExecuteSqlRawAsync(drop, Ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM __puo_schema_history WHERE id = '" + Migration + "';", Ct);
            // Raw SQL is a format string: {{}} is the empty JSON payload.
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "TaxonomyChanges" ("Kind", "Payload", "Summary", "Status", "ProposedAt") VALUES ('Deprecate', '{{}}', 'Deprecate old_intent', 'Rejected', '2026-12-01 10:00:00');""", Ct);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "TaxonomyVersions" ("Number", "Snapshot", "Note", "PublishedAt") VALUES (1, '', 'Add intent a/b "B"', '2026-12-01 10:00:00');""", Ct);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Escalations" ("ConversationId", "Reason", "Status", "CreatedAt", "Version") VALUES ({conversation.Id}, 'user asked for an agent', 'Open', '2026-12-01 10:00:00', 0);""", Ct);

            Assert.Equal([Migration], await new SchemaMigrator(db).MigrateAsync(Ct));
        }

        await using var services = Services(options);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var changes = new TaxonomyChangeService(context, NullLogger<TaxonomyChangeService>.Instance);
        var old = Assert.Single((await changes.QueryAsync(null, 0, 10, Ct)).Items);
        Assert.Equal(("Deprecate old_intent", (CodedMessage?)null), (old.Summary, old.SummaryCode));
        var version = Assert.Single(await context.TaxonomyVersions.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(("Add intent a/b \"B\"", (string?)null), (version.Note, version.NoteCode));

        var queue = scope.ServiceProvider.GetRequiredService<EscalationQueue>();
        var oldCase = Assert.Single((await queue.SearchAsync(new EscalationFilter(), null, Ct)).Rows);
        Assert.Equal(("user asked for an agent", (CodedMessage?)null), (oldCase.Reason, oldCase.ReasonCode));

        // After it: a proposal's summary and an escalation's reason keep their code and arguments.
        var proposed = await changes.ProposeAsync(new AddIntentPayload
        {
            DomainKey = "payments",
            NewDomain = new NewDomain { Key = "payments", Names = new() { ["en"] = "Payments", ["zh-CN"] = "支付" } },
            Intent = new IntentDraft { Key = "refund_late", Names = new() { ["en"] = "Late refund", ["zh-CN"] = "退款延迟" }, Description = "A refund is late.", Examples = ["where is my refund"] },
        }, Actor.User("u-cora", "Cora", Roles.Curator), Ct);
        Assert.Equal(CodedMessage.Of(ChangeSummary.Add, "payments", "refund_late", "Late refund"), proposed.SummaryCode);
        Assert.Equal("Add intent payments/refund_late \"Late refund\"", proposed.Summary);

        var conversationId = await context.Conversations.Where(c => c.UserRef == "u-old").Select(c => c.Id).SingleAsync(Ct);
        context.Escalations.Add(new Escalation { ConversationId = conversationId }.WithReason(CodedMessage.Of(BotReason.OutOfScope, 0.93)));
        await context.SaveChangesAsync(Ct);
        var coded = Assert.Single((await queue.SearchAsync(new EscalationFilter { Sort = "-created" }, null, Ct)).Rows, r => r.ReasonCode is not null);
        Assert.Equal("out of scope (confidence 0.93)", coded.Reason);
        Assert.Equal(CodedMessage.Of(BotReason.OutOfScope, 0.93), coded.ReasonCode);
    }

    private static ServiceProvider Services(DatabaseOptions options)
    {
        var services = new ServiceCollection();
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, options));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddEscalationServices();
        return services.BuildServiceProvider();
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
