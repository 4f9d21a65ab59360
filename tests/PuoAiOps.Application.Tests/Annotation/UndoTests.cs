using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

public class UndoTests
{
    [Fact]
    public async Task UndoLast_RemovesTheLabelDecrementsTheCountAndHandsTheItemBack()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("x");
        await env.AddQuestionsAsync(3);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);
        var first = await queue.NextAsync(batch.Id, users[0], Ct);
        var submitted = await queue.SubmitAndNextAsync(first!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);

        var undo = await queue.UndoLastAsync(users[0], batch.Id, Ct);

        Assert.Equal(first.ItemId, undo!.ItemId);
        Assert.Equal(first.ItemId, undo.Next!.ItemId);
        Assert.False(await db.Labels.AnyAsync(l => l.Id == submitted.Submitted.LabelId, Ct));
        Assert.Equal(0, (await db.Items.AsNoTracking().SingleAsync(i => i.Id == first.ItemId, Ct)).LabelCount);
        Assert.Equal(first.ItemId, (await queue.NextAsync(batch.Id, users[0], Ct))!.ItemId);
        Assert.Null(await queue.UndoLastAsync(users[0], batch.Id, Ct));
    }

    [Fact]
    public async Task UndoLast_ReopensACompleteItemAndWithdrawsItsConsensusLabel()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("x");
        var questions = await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);
        var item = await queue.NextAsync(batch.Id, users[0], Ct);
        await queue.SubmitAsync(item!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);
        await queue.SubmitAsync(item.ItemId, users[1], LabelInput.ForIntent(intents[0]), Ct);

        await queue.UndoLastAsync(users[1], batch.Id, Ct);

        var stored = await db.Items.AsNoTracking().SingleAsync(i => i.Id == item.ItemId, Ct);
        Assert.Equal(ItemStatus.Open, stored.Status);
        Assert.Equal(1, stored.LabelCount);
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == questions[0], Ct);
        Assert.Null(question.FinalIntentId);
        Assert.Null(question.FinalLabelSource);

        await queue.SubmitAsync(item.ItemId, users[1], LabelInput.ForIntent(intents[0]), Ct);
        Assert.Equal(ItemStatus.Complete, (await db.Items.AsNoTracking().SingleAsync(i => i.Id == item.ItemId, Ct)).Status);
    }

    [Fact]
    public async Task UndoLast_RefusesOnceAReviewerAdjudicated()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var reviewer = (await env.AddUsersAsync(1, "reviewer"))[0];
        var intents = await env.AddIntentsAsync("x", "y");
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);
        var item = await queue.NextAsync(batch.Id, users[0], Ct);
        await queue.SubmitAsync(item!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);
        await queue.SubmitAsync(item.ItemId, users[1], LabelInput.ForIntent(intents[1]), Ct);
        await env.Adjudication(db).AdjudicateAsync(item.ItemId, reviewer, new AdjudicationInput(intents[1], false, "guide says y"), Ct);

        var ex = await Assert.ThrowsAsync<AnnotationException>(() => queue.UndoLastAsync(users[1], batch.Id, Ct));

        Assert.Equal(AnnotationError.Conflict, ex.Error);
        Assert.Equal(2, (await db.Items.AsNoTracking().SingleAsync(Ct)).LabelCount);
        Assert.Equal(2, await db.Labels.CountAsync(Ct));
    }
}
