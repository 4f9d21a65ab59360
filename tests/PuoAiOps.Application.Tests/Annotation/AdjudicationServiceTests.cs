using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

public class AdjudicationServiceTests
{
    private sealed record Setup(AnnotationDatabase Env, List<string> Users, string Reviewer, List<int> Intents, long ItemId, long QuestionId);

    /// <summary>Two annotators split one item between intents x and y.</summary>
    private static async Task<Setup> DisagreementAsync()
    {
        var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var reviewer = (await env.AddUsersAsync(1, "reviewer"))[0];
        var intents = await env.AddIntentsAsync("x", "y");
        var questions = await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);
        var item = await queue.NextAsync(batch.Id, users[0], Ct);
        await queue.SubmitAsync(item!.ItemId, users[0], new LabelInput(intents[0], Note: "looks like x"), Ct);
        await queue.SubmitAsync(item.ItemId, users[1], LabelInput.ForIntent(intents[1]), Ct);
        return new Setup(env, users, reviewer, intents, item.ItemId, questions[0]);
    }

    [Fact]
    public async Task Queue_ShowsWhoChoseWhat()
    {
        var s = await DisagreementAsync();
        await using var env = s.Env;
        await using var db = env.Context();

        var page = await env.Adjudication(db).QueueAsync(s.Reviewer, ct: Ct);

        var item = Assert.Single(page.Items);
        Assert.Equal(1, page.Total);
        Assert.Equal(s.ItemId, item.ItemId);
        Assert.Equal(["x", "y"], item.Labels.Select(l => l.Intent.Key).Order());
        var first = item.Labels.Single(l => l.UserId == s.Users[0]);
        Assert.Equal("x", first.Intent.Key);
        Assert.Equal("looks like x", first.Note);
        Assert.Equal("User 1", first.DisplayName);
        Assert.Empty((await env.Adjudication(db).QueueAsync(s.Users[0], ct: Ct)).Items); // not offered to someone who labeled it
    }

    [Fact]
    public async Task Adjudicate_SetsTheFinalLabelAndClosesTheItem()
    {
        var s = await DisagreementAsync();
        await using var env = s.Env;
        await using var db = env.Context();

        await env.Adjudication(db).AdjudicateAsync(s.ItemId, s.Reviewer, new AdjudicationInput(s.Intents[1], false, "guide: y covers refunds"), Ct);

        Assert.Equal(ItemStatus.Adjudicated, (await db.Items.AsNoTracking().SingleAsync(Ct)).Status);
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == s.QuestionId, Ct);
        Assert.Equal(s.Intents[1], question.FinalIntentId);
        Assert.Equal(FinalLabelSources.Adjudicated, question.FinalLabelSource);
        var row = await db.Adjudications.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(s.Reviewer, row.ReviewerId);
        Assert.Equal("guide: y covers refunds", row.Reason);
        Assert.Empty((await env.Adjudication(db).QueueAsync(s.Reviewer, ct: Ct)).Items);
    }

    [Fact]
    public async Task Adjudicate_RefusesWithoutReasonOnOwnItemsAndTwice()
    {
        var s = await DisagreementAsync();
        await using var env = s.Env;
        await using var db = env.Context();
        var service = env.Adjudication(db);

        async Task<AnnotationException> FailAsync(string reviewer, AdjudicationInput input) =>
            await Assert.ThrowsAsync<AnnotationException>(() => service.AdjudicateAsync(s.ItemId, reviewer, input, Ct));

        var noReason = await FailAsync(s.Reviewer, new AdjudicationInput(s.Intents[0], false, " "));
        Assert.Equal(AnnotationError.Invalid, noReason.Error);
        Assert.Equal(AnnotationRefusal.ReasonRequired, noReason.Refusal.Code);
        var own = await FailAsync(s.Users[0], new AdjudicationInput(s.Intents[0], false, "mine is right"));
        Assert.Equal(AnnotationError.Forbidden, own.Error);
        Assert.Equal(AnnotationRefusal.OwnItem, own.Refusal.Code);
        Assert.Equal(AnnotationError.NotFound,
            (await Assert.ThrowsAsync<AnnotationException>(() => service.AdjudicateAsync(424242, s.Reviewer, new AdjudicationInput(null, true, "r"), Ct))).Error);

        await service.AdjudicateAsync(s.ItemId, s.Reviewer, new AdjudicationInput(null, true, "not about the product"), Ct);
        Assert.Equal(AnnotationError.Conflict, (await FailAsync(s.Reviewer, new AdjudicationInput(s.Intents[0], false, "again"))).Error);
        var question = await db.Questions.AsNoTracking().SingleAsync(Ct);
        Assert.True(question.FinalOutOfScope);
        Assert.Null(question.FinalIntentId);
    }
}
