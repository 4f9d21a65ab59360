using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

public class QueueServiceTests
{
    [Fact]
    public async Task Next_ReturnsTheSameLeasedItemWhenAskedAgain()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        await env.AddQuestionsAsync(5);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);

        var first = await queue.NextAsync(batch.Id, users[0], Ct);
        env.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = await queue.NextAsync(batch.Id, users[0], Ct);

        Assert.NotNull(first);
        Assert.Equal(first.ItemId, again!.ItemId);
        Assert.True(again.LeaseExpiresAt > first.LeaseExpiresAt, "asking again extends the lease");
    }

    [Fact]
    public async Task Next_NeverReturnsAnItemTheUserLabeledOrSkipped()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(3);
        var intents = await env.AddIntentsAsync("billing");
        await env.AddQuestionsAsync(6);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 3);
        await using var db = env.Context();
        var queue = env.Queue(db);

        var seen = new List<long>();
        var item = await queue.NextAsync(batch.Id, users[0], Ct);
        for (var i = 0; item is not null; i++)
        {
            Assert.DoesNotContain(item.ItemId, seen);
            seen.Add(item.ItemId);
            if (i % 2 == 0) await queue.SubmitAsync(item.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);
            else await queue.SkipAsync(item.ItemId, users[0], "not sure what the user means", Ct);
            item = await queue.NextAsync(batch.Id, users[0], Ct);
        }

        Assert.Equal(6, seen.Count);
        Assert.NotNull(await queue.NextAsync(batch.Id, users[1], Ct)); // others still get them
    }

    [Fact]
    public async Task Next_DoesNotHandOutASlotLeasedByAnotherAnnotator()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(3);
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 2);
        await using var db = env.Context();
        var queue = env.Queue(db);

        var a = await queue.NextAsync(batch.Id, users[0], Ct);
        var b = await queue.NextAsync(batch.Id, users[1], Ct);
        var c = await queue.NextAsync(batch.Id, users[2], Ct);

        Assert.NotNull(a);
        Assert.Equal(a.ItemId, b!.ItemId); // two labels wanted: two people may hold it
        Assert.Null(c);                    // a third would overfill it
    }

    [Fact]
    public async Task Next_OffersTheItemToOthersOnceTheLeaseExpires()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 1);
        await using var db = env.Context();
        var queue = env.Queue(db, leaseMinutes: 5);

        var held = await queue.NextAsync(batch.Id, users[0], Ct);
        Assert.Null(await queue.NextAsync(batch.Id, users[1], Ct));
        env.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var taken = await queue.NextAsync(batch.Id, users[1], Ct);

        Assert.Equal(held!.ItemId, taken!.ItemId);
    }

    [Fact]
    public async Task Submit_UnanimousLabelsCompleteTheItemWithAConsensusFinalLabel()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("recharge_failed");
        var questions = await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);

        foreach (var user in users)
        {
            var item = await queue.NextAsync(batch.Id, user, Ct);
            await queue.SubmitAsync(item!.ItemId, user, LabelInput.ForIntent(intents[0], durationMs: 4000), Ct);
        }

        var stored = await db.Items.AsNoTracking().SingleAsync(i => i.BatchId == batch.Id, Ct);
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == questions[0], Ct);
        Assert.Equal(ItemStatus.Complete, stored.Status);
        Assert.Equal(2, stored.LabelCount);
        Assert.Equal(intents[0], question.FinalIntentId);
        Assert.Equal(FinalLabelSources.Consensus, question.FinalLabelSource);
        Assert.Empty(await db.Leases.ToListAsync(Ct));
    }

    [Fact]
    public async Task Submit_DisagreementSendsTheItemToAdjudicationWithoutAFinalLabel()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("recharge_failed");
        var questions = await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);

        var item = await queue.NextAsync(batch.Id, users[0], Ct);
        await queue.SubmitAsync(item!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);
        await queue.SubmitAsync(item.ItemId, users[1], LabelInput.ForOutOfScope(), Ct);

        Assert.Equal(ItemStatus.NeedsAdjudication, (await db.Items.AsNoTracking().SingleAsync(i => i.Id == item.ItemId, Ct)).Status);
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == questions[0], Ct);
        Assert.Null(question.FinalLabelSource);
        Assert.Null(question.FinalIntentId);
    }

    [Fact]
    public async Task Submit_GoldItemIsScoredButNeverOverwritesItsKnownLabel()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("known", "other");
        // One labeled question (the gold pool) and one to annotate.
        var labeled = await env.AddQuestionsAsync(1, (_, q) => { q.FinalIntentId = intents[0]; q.FinalLabelSource = "adjudicated"; });
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users, goldShare: 0.5, filter: new BatchFilter { UnlabeledOnly = true });
        await using var db = env.Context();
        var queue = env.Queue(db);
        var gold = await db.Items.AsNoTracking().SingleAsync(i => i.BatchId == batch.Id && i.IsGold, Ct);

        await queue.SubmitAsync(gold.Id, users[0], LabelInput.ForIntent(intents[1]), Ct);
        await queue.SubmitAsync(gold.Id, users[1], LabelInput.ForIntent(intents[1]), Ct);

        Assert.Equal(labeled[0], gold.QuestionId);
        Assert.Equal(intents[0], gold.GoldIntentId);
        Assert.Equal(ItemStatus.Complete, (await db.Items.AsNoTracking().SingleAsync(i => i.Id == gold.Id, Ct)).Status);
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == labeled[0], Ct);
        Assert.Equal(intents[0], question.FinalIntentId);
        Assert.Equal("adjudicated", question.FinalLabelSource);
    }

    [Fact]
    public async Task Submit_ReportsTheErrorKindsTheWebLayerMaps()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(3);
        var intents = await env.AddIntentsAsync("x");
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users.Take(2).ToList());
        await using var db = env.Context();
        var queue = env.Queue(db);
        var item = await queue.NextAsync(batch.Id, users[0], Ct);
        await queue.SubmitAsync(item!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);

        async Task<AnnotationError> ErrorOf(Func<Task> act) => (await Assert.ThrowsAsync<AnnotationException>(act)).Error;
        Assert.Equal(AnnotationError.NotFound, await ErrorOf(() => queue.SubmitAsync(987654, users[0], LabelInput.ForIntent(intents[0]))));
        Assert.Equal(AnnotationError.NotFound, await ErrorOf(() => queue.NextAsync(987654, users[0])));
        Assert.Equal(AnnotationError.Forbidden, await ErrorOf(() => queue.SubmitAsync(item.ItemId, users[2], LabelInput.ForIntent(intents[0]))));
        Assert.Equal(AnnotationError.Forbidden, await ErrorOf(() => queue.NextAsync(batch.Id, users[2])));
        Assert.Equal(AnnotationError.Conflict, await ErrorOf(() => queue.SubmitAsync(item.ItemId, users[0], LabelInput.ForIntent(intents[0]))));
        Assert.Equal(AnnotationError.Invalid, await ErrorOf(() => queue.SubmitAsync(item.ItemId, users[1], new LabelInput(null))));
        Assert.Equal(AnnotationError.Invalid, await ErrorOf(() => queue.SubmitAsync(item.ItemId, users[1], new LabelInput(intents[0], OutOfScope: true))));
        Assert.Equal(AnnotationError.Invalid, await ErrorOf(() => queue.SubmitAsync(item.ItemId, users[1], LabelInput.ForIntent(424242))));
        Assert.Equal(1, (await db.Items.AsNoTracking().SingleAsync(Ct)).LabelCount);
    }

    [Fact]
    public async Task SubmitAndNext_StoresTheLabelAndLeasesTheNextItem()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("x");
        await env.AddQuestionsAsync(2);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);

        var first = await queue.NextAsync(batch.Id, users[0], Ct);
        var result = await queue.SubmitAndNextAsync(first!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);
        var last = await queue.SubmitAndNextAsync(result.Next!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);

        Assert.NotEqual(first.ItemId, result.Next.ItemId);
        Assert.Null(last.Next);
        Assert.Equal(2, await db.Labels.CountAsync(l => l.UserId == users[0], Ct));
        var lease = await db.Leases.AsNoTracking().ToListAsync(Ct);
        Assert.Empty(lease);
    }

    [Fact]
    public async Task Skip_RequiresAReason()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);
        var item = await queue.NextAsync(batch.Id, users[0], Ct);

        var ex = await Assert.ThrowsAsync<AnnotationException>(() => queue.SkipAsync(item!.ItemId, users[0], "   ", Ct));

        Assert.Equal(AnnotationError.Invalid, ex.Error);
        Assert.Equal(AnnotationRefusal.SkipReasonRequired, ex.Refusal.Code);
        Assert.Equal(item!.ItemId, (await queue.NextAsync(batch.Id, users[0], Ct))!.ItemId);
    }

    [Fact]
    public async Task Next_ReportsPausedBatchesAsConflict()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(1);
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 1);
        await using var db = env.Context();
        await env.Batches(db).SetStatusAsync(batch.Id, BatchStatus.Paused, Ct);

        var ex = await Assert.ThrowsAsync<AnnotationException>(() => env.Queue(db).NextAsync(batch.Id, users[0], Ct));

        Assert.Equal(AnnotationError.Conflict, ex.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Next_ShowsTheModelSuggestionOnlyWhenTheBatchAllowsIt(bool showSuggestions)
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(1);
        var intents = await env.AddIntentsAsync("refund");
        await env.AddQuestionsAsync(1, (_, q) => { q.PredictedIntentId = intents[0]; q.PredictedConfidence = 0.42; });
        var batch = await env.AddBatchAsync(users, labelsPerItem: 1, suggestions: showSuggestions);
        await using var db = env.Context();

        var item = await env.Queue(db).NextAsync(batch.Id, users[0], Ct);

        if (!showSuggestions)
        {
            Assert.Null(item!.Suggestion);
            return;
        }
        Assert.Equal("refund", item!.Suggestion!.Intent.Key);
        Assert.Equal("Name of refund", item.Suggestion.Intent.DisplayName());
        Assert.Equal(0.42, item.Suggestion.Confidence);
    }
}
