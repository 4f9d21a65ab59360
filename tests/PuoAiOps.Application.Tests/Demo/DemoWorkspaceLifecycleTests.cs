using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Demo;

public sealed class DemoWorkspaceLifecycleTests(ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IsWorkspaceEmpty_TrueOnlyBeforeAnythingIsStored()
    {
        await using var database = await DemoTestDatabase.CreateAsync();
        await using var db = database.Open();
        var workspace = new DemoWorkspace(db, clock: new FixedClock());
        Assert.True(await workspace.IsWorkspaceEmptyAsync(Ct));

        db.Questions.Add(new Question { Text = "hello", TextHash = Core.Text.TextNormalizer.Hash("hello") });
        await db.SaveChangesAsync(Ct);
        Assert.False(await workspace.IsWorkspaceEmptyAsync(Ct));
    }

    [Fact]
    public async Task Seed_SecondCallAddsNothing()
    {
        await using var database = await DemoTestDatabase.CreateAsync();
        await using var db = database.Open();
        var workspace = new DemoWorkspace(db, clock: new FixedClock());

        var first = await workspace.SeedAsync(Ct);
        var counts = await CountsAsync(db);
        var second = await workspace.SeedAsync(Ct);

        output.WriteLine($"seeded in {first.Elapsed.TotalSeconds:F2} s: {first}");
        Assert.True(first.Seeded);
        Assert.False(second.Seeded);
        Assert.Equal(counts, await CountsAsync(db));
        Assert.False(await workspace.IsWorkspaceEmptyAsync(Ct));
    }

    [Fact]
    public async Task Remove_DeletesEveryDemoRecordAndKeepsRecordsCreatedAfterSeeding()
    {
        await using var database = await DemoTestDatabase.CreateAsync();
        await using var db = database.Open();
        var workspace = new DemoWorkspace(db, clock: new FixedClock());
        await workspace.SeedAsync(Ct);

        // Real work done after seeding, partly pointing at demo intents.
        var demoIntent = await db.Intents.FirstAsync(i => i.IsDemo, Ct);
        var domain = new IntentDomain { Key = "shop", Names = new() { ["en"] = "Shop" } };
        domain.Intents.Add(new Intent { Key = "order_status", Names = new() { ["en"] = "Order status" } });
        db.Domains.Add(domain);
        db.Questions.Add(new Question { Text = "where is my parcel", TextHash = Core.Text.TextNormalizer.Hash("where is my parcel"), FinalIntentId = demoIntent.Id });
        var conversation = new Conversation { UserRef = "u_real", IntentId = demoIntent.Id };
        conversation.Turns.Add(new Turn { Role = TurnRole.User, Text = "where is my parcel" });
        conversation.Turns.Add(new Turn { Role = TurnRole.Bot, Text = "Let me check.", IntentId = demoIntent.Id, Source = AnswerSource.Llm, Ordinal = 1 });
        db.Conversations.Add(conversation);
        db.Users.Add(new AppUser { UserName = "real.person", NormalizedUserName = "REAL.PERSON", DisplayName = "Real Person" });
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        var result = await workspace.RemoveAsync(Ct);
        output.WriteLine($"removed in {result.Elapsed.TotalSeconds:F2} s: {result}");

        Assert.True(result.Conversations == 20_000 && result.Questions == 3_000 && result.Intents >= 40);
        Assert.False(await db.Domains.AnyAsync(x => x.IsDemo, Ct));
        Assert.False(await db.Intents.AnyAsync(x => x.IsDemo, Ct));
        Assert.False(await db.Questions.AnyAsync(x => x.IsDemo, Ct));
        Assert.False(await db.Conversations.AnyAsync(x => x.IsDemo, Ct));
        Assert.False(await db.Scripts.AnyAsync(x => x.IsDemo, Ct));
        Assert.False(await db.Documents.AnyAsync(x => x.IsDemo, Ct));
        Assert.False(await db.Batches.AnyAsync(x => x.IsDemo, Ct));
        Assert.False(await db.Users.AnyAsync(x => x.IsDemo, Ct));
        Assert.Equal(0, await db.ScriptVersions.CountAsync(Ct) + await db.Chunks.CountAsync(Ct) + await db.Items.CountAsync(Ct)
            + await db.Labels.CountAsync(Ct) + await db.Feedback.CountAsync(Ct) + await db.Grades.CountAsync(Ct) + await db.Escalations.CountAsync(Ct));

        Assert.Equal("order_status", (await db.Intents.SingleAsync(Ct)).Key);
        Assert.Null((await db.Questions.SingleAsync(Ct)).FinalIntentId);
        var kept = await db.Conversations.Include(c => c.Turns).SingleAsync(Ct);
        Assert.Null(kept.IntentId);
        Assert.Equal(2, kept.Turns.Count);
        Assert.All(kept.Turns, t => Assert.Null(t.IntentId));
        Assert.Equal("real.person", (await db.Users.SingleAsync(Ct)).UserName);
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync(Ct));

        // The demo can come back after removal.
        Assert.True((await workspace.SeedAsync(Ct)).Seeded);
    }

    [Fact]
    public async Task Remove_RefusesWhileWorkOutsideTheDemoUsesDemoIntents()
    {
        await using var database = await DemoTestDatabase.CreateAsync();
        await using var db = database.Open();
        var workspace = new DemoWorkspace(db, clock: new FixedClock());
        await workspace.SeedAsync(Ct);
        var intent = await db.Intents.FirstAsync(i => i.IsDemo && !db.Scripts.Any(s => s.IntentId == i.Id && s.Locale == "fr"), Ct);
        db.Scripts.Add(new ReplyScript { IntentId = intent.Id, Locale = "fr", Title = "Réponse" });
        await db.SaveChangesAsync(Ct);

        var error = await Assert.ThrowsAsync<DemoRemovalBlockedException>(() => workspace.RemoveAsync(Ct));

        Assert.Contains("1 reply script(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(20_000, await db.Conversations.CountAsync(c => c.IsDemo, Ct));
    }

    [Fact]
    public async Task Seed_RefusesWhenDemoKeysAreAlreadyTakenOutsideTheDemo()
    {
        await using var database = await DemoTestDatabase.CreateAsync();
        await using var db = database.Open();
        var domain = new IntentDomain { Key = "mine", Names = new() { ["en"] = "Mine" } };
        domain.Intents.Add(new Intent { Key = "login_failed", Names = new() { ["en"] = "Login failed" } });
        db.Domains.Add(domain);
        await db.SaveChangesAsync(Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new DemoWorkspace(db, clock: new FixedClock()).SeedAsync(Ct));

        Assert.Contains("intent login_failed", error.Message, StringComparison.Ordinal);
        Assert.False(await db.Questions.AnyAsync(Ct));
    }

    [Fact]
    public async Task Seed_WithTheSameClockProducesTheSameWorkspace()
    {
        await using var first = await DemoTestDatabase.CreateAsync();
        await using var second = await DemoTestDatabase.CreateAsync();
        await using var db1 = first.Open();
        await using var db2 = second.Open();
        await new DemoWorkspace(db1, clock: new FixedClock()).SeedAsync(Ct);
        await new DemoWorkspace(db2, clock: new FixedClock()).SeedAsync(Ct);

        Assert.Equal(await QuestionTextsAsync(db1), await QuestionTextsAsync(db2));
        Assert.Equal(await ConversationShapeAsync(db1), await ConversationShapeAsync(db2));
    }

    [Fact]
    public async Task Seed_RowsCanBeEditedThroughEfAfterwards()
    {
        await using var database = await DemoTestDatabase.CreateAsync();
        await using (var db = database.Open())
            await new DemoWorkspace(db, clock: new FixedClock()).SeedAsync(Ct);

        // Concurrency tokens, enums, JSON columns and dates written in bulk must read and update like EF's own.
        long documentId, itemId;
        int revision;
        await using (var db = database.Open())
        {
            var intent = await db.Intents.SingleAsync(i => i.Key == "recharge_not_credited", Ct);
            Assert.Equal("充值未到账", intent.Names["zh-CN"]);
            intent.Description += " (edited)";
            var document = await db.Documents.FirstAsync(d => d.Locale == "zh-CN", Ct);
            (documentId, revision) = (document.Id, document.Revision++);
            var item = await db.Items.FirstAsync(i => i.Status == ItemStatus.NeedsAdjudication, Ct);
            itemId = item.Id;
            item.Status = ItemStatus.Adjudicated;
            Assert.Equal(3, await db.SaveChangesAsync(Ct));
        }
        await using (var db = database.Open())
        {
            Assert.EndsWith("(edited)", (await db.Intents.SingleAsync(i => i.Key == "recharge_not_credited", Ct)).Description, StringComparison.Ordinal);
            Assert.Equal(revision + 1, (await db.Documents.SingleAsync(d => d.Id == documentId, Ct)).Revision);
            Assert.Equal(ItemStatus.Adjudicated, (await db.Items.SingleAsync(i => i.Id == itemId, Ct)).Status);
        }
    }

    private static async Task<List<string>> QuestionTextsAsync(PuoDbContext db) =>
        await db.Questions.OrderBy(q => q.Id).Select(q => q.Text).ToListAsync(Ct);

    private static async Task<List<string>> ConversationShapeAsync(PuoDbContext db) =>
        (await db.Conversations.OrderBy(c => c.Id).Select(c => new { c.UserRef, c.StartedAt, c.IntentId, c.Outcome }).ToListAsync(Ct))
        .Select(c => $"{c.UserRef}|{c.StartedAt:O}|{c.IntentId}|{c.Outcome}").ToList();

    private static async Task<string> CountsAsync(PuoDbContext db) => string.Join(",",
        await db.Domains.CountAsync(Ct), await db.Intents.CountAsync(Ct), await db.Documents.CountAsync(Ct), await db.Scripts.CountAsync(Ct),
        await db.Questions.CountAsync(Ct), await db.Conversations.CountAsync(Ct), await db.Turns.CountAsync(Ct), await db.Items.CountAsync(Ct),
        await db.Users.CountAsync(Ct), await db.Roles.CountAsync(Ct));
}
