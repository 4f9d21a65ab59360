using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

/// <summary>
/// The service-level rules every caller gets (pages, API, scripts): a label cannot take a slot another
/// annotator holds a live lease on, and a batch without suggestions hides the model's guess until the label is in.
/// Runs on SQLite, and on PostgreSQL with PUO_TEST_PROVIDER=Postgres.
/// </summary>
public class LeaseRuleTests
{
    [Fact]
    public async Task Submit_RefusesAnItemLeasedToSomeoneElse_AndTheLeaseHoldersSubmitStillWorks()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("refund");
        await env.AddQuestionsAsync(2);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 1);
        await using var db = env.Context();
        var queue = env.Queue(db);
        var leased = await queue.NextAsync(batch.Id, users[0], Ct);

        var submit = await Assert.ThrowsAsync<AnnotationException>(() => queue.SubmitAsync(leased!.ItemId, users[1], LabelInput.ForIntent(intents[0]), Ct));
        var submitAndNext = await Assert.ThrowsAsync<AnnotationException>(() =>
            queue.SubmitAndNextAsync(leased!.ItemId, users[1], LabelInput.ForIntent(intents[0]), Ct));
        var own = await queue.SubmitAsync(leased!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);

        Assert.All([submit, submitAndNext], ex =>
        {
            Assert.Equal(AnnotationError.Conflict, ex.Error);
            Assert.Equal(AnnotationRefusal.ItemReserved, ex.Refusal.Code);
        });
        Assert.Equal(leased.ItemId, own.ItemId);
        var labels = await db.Labels.AsNoTracking().Where(l => l.ItemId == leased.ItemId).Select(l => l.UserId).ToListAsync(Ct);
        Assert.Equal([users[0]], labels);
        var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == leased.ItemId, Ct);
        Assert.Equal((1, ItemStatus.Complete), (item.LabelCount, item.Status));
    }

    [Fact]
    public async Task Submit_TakesAFreeSlotBesideAnotherAnnotatorsLease()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("refund");
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 2);
        await using var db = env.Context();
        var queue = env.Queue(db);
        var leased = await queue.NextAsync(batch.Id, users[0], Ct);

        // Two slots, one leased: the second annotator's label (a second tab, a script) still has room.
        await queue.SubmitAsync(leased!.ItemId, users[1], LabelInput.ForIntent(intents[0]), Ct);
        await queue.SubmitAsync(leased.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);

        Assert.Equal(ItemStatus.Complete, (await db.Items.AsNoTracking().SingleAsync(i => i.Id == leased.ItemId, Ct)).Status);
    }

    [Fact]
    public async Task Submit_AcceptsAnItemWhoseOtherLeaseHasExpired()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("refund");
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 1);
        await using var db = env.Context();
        var queue = env.Queue(db, leaseMinutes: 5);
        var leased = await queue.NextAsync(batch.Id, users[0], Ct);
        env.Clock.Advance(TimeSpan.FromMinutes(6));

        await queue.SubmitAsync(leased!.ItemId, users[1], LabelInput.ForIntent(intents[0]), Ct);

        var late = await Assert.ThrowsAsync<AnnotationException>(() => queue.SubmitAsync(leased.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct));
        Assert.Equal(AnnotationRefusal.ItemFull, late.Refusal.Code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Suggestion_IsRefusedBeforeTheCallersLabel_OnlyWhenTheBatchHidesSuggestions(bool showSuggestions)
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("refund");
        await env.AddQuestionsAsync(1, (_, q) => (q.PredictedIntentId, q.PredictedConfidence) = (intents[0], 0.42));
        var batch = await env.AddBatchAsync([users[0]], labelsPerItem: 1, suggestions: showSuggestions);
        await using var db = env.Context();
        var queue = env.Queue(db);
        var suggestions = new SuggestionService(db);
        var item = await queue.NextAsync(batch.Id, users[0], Ct);

        if (!showSuggestions)
        {
            var early = await Assert.ThrowsAsync<AnnotationException>(() => suggestions.ForItemAsync(batch.Id, item!.ItemId, users[0], Ct));
            Assert.Equal(AnnotationError.Forbidden, early.Error);
            await queue.SubmitAsync(item!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);
        }
        var guess = await suggestions.ForItemAsync(batch.Id, item!.ItemId, users[0], Ct);
        var outsider = await Assert.ThrowsAsync<AnnotationException>(() => suggestions.ForItemAsync(batch.Id, item.ItemId, users[1], Ct));

        Assert.Equal(("refund", 0.42), (guess!.Intent.Key, guess.Confidence!.Value));
        Assert.Equal(AnnotationError.NotFound, outsider.Error);
    }
}
