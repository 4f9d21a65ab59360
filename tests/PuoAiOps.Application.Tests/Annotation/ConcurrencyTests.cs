using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

/// <summary>
/// Many annotators at once, each with its own DbContext: on a real SQLite file (WAL, busy timeout),
/// and on PostgreSQL when PUO_TEST_POSTGRES is set (skipped otherwise).
/// </summary>
public class ConcurrencyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TwentyAnnotators_LoseNoLabelAndNeverOverfillAnItem(DatabaseProvider provider)
    {
        await using var env = await AnnotationDatabase.CreateAsync(provider);
        var users = await env.AddUsersAsync(20);
        var intents = await env.AddIntentsAsync("a", "b", "c");
        await env.AddQuestionsAsync(60);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 3, order: BatchOrder.Random);
        var accepted = new ConcurrentBag<long>();
        var conflicts = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = users.Select((user, n) => Task.Run(async () =>
        {
            await using var db = env.Context();
            var queue = env.Queue(db);
            await start.Task;
            var item = await queue.NextAsync(batch.Id, user, Ct);
            while (item is not null)
            {
                try
                {
                    var label = LabelInput.ForIntent(intents[(int)((item.ItemId + n) % intents.Count)]);
                    var result = await queue.SubmitAndNextAsync(item.ItemId, user, label, Ct);
                    accepted.Add(result.Submitted.LabelId);
                    item = result.Next;
                }
                catch (AnnotationException ex) when (ex.Error == AnnotationError.Conflict)
                {
                    Interlocked.Increment(ref conflicts);
                    item = await queue.NextAsync(batch.Id, user, Ct);
                }
            }
        }, Ct)).ToList();
        start.SetResult();
        await Task.WhenAll(workers);

        await using var check = env.Context();
        var items = await check.Items.AsNoTracking().Where(i => i.BatchId == batch.Id).ToListAsync(Ct);
        var labels = await check.Labels.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(accepted.Count, labels.Count);                       // every accepted submit is stored
        Assert.Equal(accepted.Order(), labels.Select(l => l.Id).Order());
        Assert.Equal(60 * 3, labels.Count);                               // and the batch got all it needed
        Assert.All(items, i => Assert.Equal(3, i.LabelCount));           // never over the label count
        var perItem = labels.GroupBy(l => l.ItemId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(items, i => Assert.Equal(i.LabelCount, perItem[i.Id])); // every count matches its rows
        Assert.All(items, i => Assert.NotEqual(ItemStatus.Open, i.Status));
        Assert.Equal(0, conflicts); // leases keep annotators off full items
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TwentySimultaneousSubmitsOnOneItem_AcceptExactlyLabelsPerItem(DatabaseProvider provider)
    {
        await using var env = await AnnotationDatabase.CreateAsync(provider);
        var users = await env.AddUsersAsync(20);
        var intents = await env.AddIntentsAsync("a");
        await env.AddQuestionsAsync(1);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 3);
        long itemId;
        await using (var db = env.Context())
            itemId = await db.Items.Where(i => i.BatchId == batch.Id).Select(i => i.Id).SingleAsync(Ct);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Straight to submit, no lease: only the conditional count update stands between them.
        var outcomes = users.Select(user => Task.Run(async () =>
        {
            await using var db = env.Context();
            await start.Task;
            try
            {
                await env.Queue(db).SubmitAsync(itemId, user, LabelInput.ForIntent(intents[0]), Ct);
                return true;
            }
            catch (AnnotationException ex) when (ex.Error == AnnotationError.Conflict)
            {
                return false;
            }
        }, Ct)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(outcomes);

        await using var check = env.Context();
        var item = await check.Items.AsNoTracking().SingleAsync(i => i.Id == itemId, Ct);
        Assert.Equal(3, results.Count(ok => ok));
        Assert.Equal(3, item.LabelCount);
        Assert.Equal(3, await check.Labels.CountAsync(l => l.ItemId == itemId, Ct));
        Assert.Equal(ItemStatus.Complete, item.Status);
    }
}
