using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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

    [Fact]
    public Task Migration0023_OnSqlite_KeepsOldRows_AndStoresCodesAfterIt() => CheckAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task Migration0023_OnPostgres_KeepsOldRows_AndStoresCodesAfterIt() => CheckAsync(DatabaseProvider.Postgres);

    private static async Task CheckAsync(DatabaseProvider provider)
    {
        await using var database = await PreMigrationDatabase.CreateAsync(provider, Migration, Ct);
        // One row of each as the code before 0023 wrote them.
        var at = database.At(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
        var conversationId = Convert.ToInt64(await database.ExecAsync(
            $"""INSERT INTO "Conversations" ("UserRef", "Channel", "Locale", "StartedAt", "Outcome", "Resolution", "IsTest", "IsDemo") VALUES ('u-old', 'app', 'en', {at}, 'Escalated', 'None', false, false) RETURNING "Id";""", Ct),
            CultureInfo.InvariantCulture);
        await database.ExecAsync($$"""INSERT INTO "TaxonomyChanges" ("Kind", "Payload", "Summary", "Status", "ProposedAt") VALUES ('Deprecate', '{}', 'Deprecate old_intent', 'Rejected', {{at}});""", Ct);
        await database.ExecAsync($"""INSERT INTO "TaxonomyVersions" ("Number", "Snapshot", "Note", "PublishedAt") VALUES (1, '', 'Add intent a/b "B"', {at});""", Ct);
        await database.ExecAsync($"""INSERT INTO "Escalations" ("ConversationId", "Reason", "Status", "CreatedAt", "Version") VALUES ({conversationId}, 'user asked for an agent', 'Open', {at}, 0);""", Ct);
        await database.MigrateAsync(Ct);

        await using var services = Services(database.Options);
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
}
