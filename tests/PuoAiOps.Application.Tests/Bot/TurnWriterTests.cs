using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Bot.Storage;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Bot;

/// <summary>Chat turns go through one batched writer: concurrent requests share commits, and every answer is stored once committed.</summary>
[Collection(DemoBotCollection.Name)]
public sealed class TurnWriterTests(DemoBotFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChatAsync_ConcurrentRequests_AreAllStored_WithUniqueIds()
    {
        await using var bed = await BotTestBed.CreateAsync(fixture);
        string[] questions = ["I can't log in on my iPhone, it says network error", "孩子偷偷充值了怎么退款，未成年人充值退款", "明天巴黎天气怎么样"];

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => bed.AskAsync(questions[i % 3]))));

        Assert.Equal(30, results.Select(r => r.Response.TurnId).Distinct().Count());
        Assert.Equal(30, results.Select(r => r.Response.ConversationId).Distinct().Count());
        await using var db = fixture.Database.Open();
        var ids = results.Select(r => r.Response.ConversationId).ToList();
        var turns = await db.Turns.Where(t => ids.Contains(t.ConversationId)).ToListAsync(Ct);
        Assert.Equal(60, turns.Count);
        Assert.All(turns.GroupBy(t => t.ConversationId), g => Assert.Equal([1, 2], g.Select(t => t.Ordinal).Order()));
        var turnIds = results.Select(r => r.Response.TurnId).ToList();
        Assert.Equal(30, await db.TurnTraces.CountAsync(t => turnIds.Contains(t.TurnId), Ct));
        Assert.Equal(10, await db.Escalations.CountAsync(e => ids.Contains(e.ConversationId), Ct));
    }

    [Fact]
    public async Task ChatAsync_ConcurrentFollowUps_OnOneConversation_GetConsecutiveOrdinals()
    {
        await using var bed = await BotTestBed.CreateAsync(fixture);
        var first = await bed.AskAsync("I can't log in on my iPhone, it says network error");
        var conversation = first.Response.ConversationId;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => bed.AskAsync("it still says network error", conversation: conversation))));

        await using var db = fixture.Database.Open();
        var ordinals = await db.Turns.Where(t => t.ConversationId == conversation).Select(t => t.Ordinal).OrderBy(o => o).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, 18), ordinals);
    }

    [Fact]
    public async Task Feedback_RightAfterChat_FindsTheStoredTurn()
    {
        await using var bed = await BotTestBed.CreateAsync(fixture);
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            var chat = await bed.AskAsync("my son spent 50 dollars on gifts without my permission, can I get a refund for a minor");
            await using var scope = bed.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ConversationCommands>()
                .FeedbackAsync(new FeedbackRequest(chat.Response.TurnId, true, true, null), Ct);
        })));

        Assert.All(answers, a => Assert.Equal(["helpful", "resolved"], a.Recorded));
    }

    [Fact]
    public async Task FailingBatch_FailsItsCallersWithServiceBusy_AndStoresNothing()
    {
        await using var bed = await BotTestBed.CreateAsync(fixture, databaseOptions: o => o.BusyTimeoutMs = 100);
        await using var before = fixture.Database.Open();
        var conversations = await before.Conversations.CountAsync(Ct);
        var turns = await before.Turns.CountAsync(Ct);

        // Another writer holds the database's write lock for longer than the busy timeout (as the demo seeding can on a first start).
        await using (var locker = new SqliteConnection(before.Database.GetConnectionString()))
        {
            await locker.OpenAsync(Ct);
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync(Ct);
            }
            var asks = Enumerable.Range(0, 3).Select(_ => Task.Run(() => bed.AskAsync("I can't log in on my iPhone, it says network error"))).ToList();
            foreach (var ask in asks)
            {
                var busy = await Assert.ThrowsAsync<ServiceBusyException>(() => ask);
                Assert.True(ServiceBusyException.IsDatabaseBusy(busy.InnerException), busy.InnerException?.ToString());
                Assert.True(busy.RetryAfter > TimeSpan.Zero);
            }
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        await using var after = fixture.Database.Open();
        Assert.Equal(conversations, await after.Conversations.CountAsync(Ct));
        Assert.Equal(turns, await after.Turns.CountAsync(Ct));
        // The writer is not stuck: the next message is stored.
        var next = await bed.AskAsync("I can't log in on my iPhone, it says network error");
        Assert.True(await after.Turns.AnyAsync(t => t.Id == next.Response.TurnId, Ct));
    }

    [Fact]
    public async Task DrainAsync_StoresEveryQueuedTurn_AndLaterTurnsAreStillStored()
    {
        await using var bed = await BotTestBed.CreateAsync(fixture);
        var writer = bed.Services.GetRequiredService<TurnWriter>();
        var marker = "drain-" + Guid.NewGuid().ToString("N");

        var writes = Enumerable.Range(0, 50).Select(i => writer.WriteAsync(Pending(marker, i), Ct)).ToList();
        await writer.DrainAsync();

        await using (var db = fixture.Database.Open())
            Assert.Equal(50, await db.Conversations.CountAsync(c => c.UserRef == marker, Ct));
        var late = await writer.WriteAsync(Pending(marker, 50), Ct);
        var stored = await Task.WhenAll(writes);
        Assert.Equal(51, stored.Append(late).Select(s => s.BotTurnId).Distinct().Count());
        await using (var db = fixture.Database.Open())
            Assert.Equal(51, await db.Conversations.CountAsync(c => c.UserRef == marker, Ct));
    }

    private static PendingTurn Pending(string userRef, int n)
    {
        var now = DateTime.UtcNow;
        return new PendingTurn(null, new NewConversation(userRef, "app", "en", now, IsTest: true), $"question {n}", $"answer {n}", now, now,
            null, 0.5, AnswerSource.Handoff, SourceTypes.Handoff, null, 3, null, CodedMessage.Of(BotReason.NothingGoodEnough), "{}");
    }
}
