using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

public class BatchServiceTests
{
    [Fact]
    public async Task Create_AppliesSourcePeriodUnlabeledAndConfidenceFilters()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("x");
        // Questions 1..40, one hour apart from 2025-01-01 01:00; confidence i/40; every 4th from "email"; every 5th labeled.
        var ids = await env.AddQuestionsAsync(40, (i, q) =>
        {
            q.PredictedConfidence = i / 40.0;
            if (i % 4 == 0) q.Source = "email";
            if (i % 5 == 0) { q.FinalIntentId = intents[0]; q.FinalLabelSource = "consensus"; }
        });
        var filter = new BatchFilter
        {
            Source = "chat",
            From = new DateTime(2025, 1, 1, 5, 0, 0, DateTimeKind.Utc),  // i >= 5
            To = new DateTime(2025, 1, 2, 7, 0, 0, DateTimeKind.Unspecified), // i < 31 (unspecified is read as UTC)
            UnlabeledOnly = true,
            ConfidenceBelow = 0.7,                                       // i < 28
        };

        var batch = await env.AddBatchAsync(users, filter: filter);

        var expected = Enumerable.Range(1, 40).Where(i => i >= 5 && i < 28 && i % 4 != 0 && i % 5 != 0).Select(i => ids[i - 1]).Order();
        await using var db = env.Context();
        var taken = await db.Items.Where(i => i.BatchId == batch.Id).Select(i => i.QuestionId).OrderBy(x => x).ToListAsync(Ct);
        Assert.Equal(expected, taken);
        Assert.Equal(taken.Count, batch.Progress.Items);
        Assert.Equal(taken.Count * 2, batch.Progress.LabelsNeeded);
    }

    [Fact]
    public async Task Create_SamplesDeterministicallyForASeed()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        await env.AddQuestionsAsync(100);

        async Task<List<long>> SampleAsync(int seed)
        {
            var batch = await env.AddBatchAsync(users, filter: new BatchFilter { SampleSize = 10, Seed = seed });
            await using var db = env.Context();
            return await db.Items.Where(i => i.BatchId == batch.Id).Select(i => i.QuestionId).OrderBy(x => x).ToListAsync(Ct);
        }

        var first = await SampleAsync(5);
        Assert.Equal(10, first.Count);
        Assert.Equal(first, await SampleAsync(5));
        Assert.NotEqual(first, await SampleAsync(6));
    }

    [Fact]
    public async Task Create_AddsTheGoldShareFromQuestionsWithAFinalLabel()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("x", "y");
        await env.AddQuestionsAsync(30, (i, q) =>
        {
            if (i <= 10) { q.FinalIntentId = i % 2 == 0 ? intents[0] : null; q.FinalOutOfScope = i % 2 == 1; q.FinalLabelSource = "adjudicated"; }
        });

        // 20 unlabeled questions; a 20 % gold share of the whole batch means 5 gold items.
        var batch = await env.AddBatchAsync(users, goldShare: 0.2);

        await using var db = env.Context();
        var items = await db.Items.AsNoTracking().Include(i => i.Question).Where(i => i.BatchId == batch.Id).ToListAsync(Ct);
        var gold = items.Where(i => i.IsGold).ToList();
        Assert.Equal(25, items.Count);
        Assert.Equal(5, gold.Count);
        Assert.Equal(5, batch.Progress.GoldItems);
        Assert.All(gold, g =>
        {
            Assert.Equal(g.Question!.FinalIntentId, g.GoldIntentId);
            Assert.Equal(g.Question.FinalOutOfScope, g.GoldOutOfScope);
        });
        Assert.All(items.Where(i => !i.IsGold), i => Assert.Null(i.Question!.FinalLabelSource));
    }

    [Fact]
    public async Task Create_MostUncertainFirstQueuesTheLowestConfidenceFirst()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(1);
        double[] confidence = [0.9, 0.2, 0.5, 0.1, 0.7];
        var ids = await env.AddQuestionsAsync(5, (i, q) => q.PredictedConfidence = confidence[i - 1]);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 1, order: BatchOrder.MostUncertainFirst);
        await using var db = env.Context();
        var queue = env.Queue(db);

        var order = new List<long>();
        for (var item = await queue.NextAsync(batch.Id, users[0], Ct); item is not null; item = await queue.NextAsync(batch.Id, users[0], Ct))
        {
            order.Add(item.QuestionId);
            await queue.SkipAsync(item.ItemId, users[0], "checking order", Ct);
        }

        Assert.Equal([ids[3], ids[1], ids[2], ids[4], ids[0]], order);
    }

    [Fact]
    public async Task Create_RejectsSettingsThatCannotWork()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        await env.AddQuestionsAsync(3);

        async Task<CodedMessage> ErrorAsync(CreateBatchRequest request)
        {
            await using var db = env.Context();
            var ex = await Assert.ThrowsAsync<AnnotationException>(() => env.Batches(db).CreateAsync(request, null, Ct));
            Assert.Equal(AnnotationError.Invalid, ex.Error);
            Assert.Equal(ex.Refusal.English, ex.Message);
            return ex.Refusal;
        }

        var tooFew = await ErrorAsync(new CreateBatchRequest { Name = "b", AnnotatorIds = users, LabelsPerItem = 3 });
        Assert.Equal(CodedMessage.Of(AnnotationRefusal.TooFewAnnotators, 3, 2), tooFew);
        Assert.Contains("only 2 annotators", tooFew.English, StringComparison.Ordinal);
        Assert.Equal(CodedMessage.Of(AnnotationRefusal.UnknownAnnotators, 1),
            await ErrorAsync(new CreateBatchRequest { Name = "b", AnnotatorIds = [users[0], "nobody"], LabelsPerItem = 1 }));
        Assert.Equal(AnnotationRefusal.NoGoldCandidates, (await ErrorAsync(new CreateBatchRequest { Name = "b", AnnotatorIds = users, GoldShare = 0.5 })).Code);
        Assert.Equal(AnnotationRefusal.NoQuestionsMatch, (await ErrorAsync(new CreateBatchRequest { Name = "b", AnnotatorIds = users, Filter = new() { Source = "none" } })).Code);
    }

    [Fact]
    public async Task List_ReportsProgressCountsAndFiltersByAnnotator()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(3);
        var intents = await env.AddIntentsAsync("x", "y");
        await env.AddQuestionsAsync(3);
        var batch = await env.AddBatchAsync(users.Take(2).ToList());
        await using var db = env.Context();
        var queue = env.Queue(db);
        var first = await queue.NextAsync(batch.Id, users[0], Ct);
        await queue.SubmitAsync(first!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);
        await queue.SubmitAsync(first.ItemId, users[1], LabelInput.ForIntent(intents[1]), Ct);
        var second = await queue.NextAsync(batch.Id, users[0], Ct);
        await queue.SubmitAsync(second!.ItemId, users[0], LabelInput.ForIntent(intents[0]), Ct);

        var listed = Assert.Single(await env.Batches(db).ListAsync(users[0], Ct));
        var progress = await env.Batches(db).ProgressAsync(batch.Id, users[0], Ct);

        Assert.Equal(new BatchProgress(3, 0, 2, 0, 1, 0, 3, 6), listed.Progress);
        Assert.Empty(await env.Batches(db).ListAsync(users[2], Ct));
        Assert.Equal(2, progress.Labeled);
        Assert.Equal(AnnotationError.NotFound, (await Assert.ThrowsAsync<AnnotationException>(() => env.Batches(db).GetAsync(999, Ct))).Error);
    }
}
