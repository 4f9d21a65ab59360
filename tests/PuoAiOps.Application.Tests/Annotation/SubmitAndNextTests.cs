using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

/// <summary>
/// The label and the next lease are written in one transaction with plain SQL: every field must land
/// in its column on both providers, and a refused label must not leave a lease behind.
/// </summary>
public class SubmitAndNextTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SubmitAndNext_StoresEveryFieldAndHoldsOnlyTheNextItem(DatabaseProvider provider)
    {
        await using var env = await AnnotationDatabase.CreateAsync(provider);
        var users = await env.AddUsersAsync(2);
        var intents = await env.AddIntentsAsync("x");
        await env.AddQuestionsAsync(3);
        var batch = await env.AddBatchAsync(users);
        await using var db = env.Context();
        var queue = env.Queue(db);

        var first = await queue.NextAsync(batch.Id, users[0], Ct);
        var label = new LabelInput(intents[0], Unclear: true, MultipleIntents: true, Note: "  two asks  ", DurationMs: 4200);
        var result = await queue.SubmitAndNextAsync(first!.ItemId, users[0], label, Ct);

        var row = await db.Labels.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(result.Submitted.LabelId, row.Id);
        Assert.Equal((first.ItemId, first.QuestionId, users[0]), (row.ItemId, row.QuestionId, row.UserId));
        Assert.Equal(intents[0], row.IntentId);
        Assert.False(row.OutOfScope);
        Assert.True(row.Unclear && row.MultipleIntents);
        Assert.Equal("two asks", row.Note);
        Assert.Equal(4200, row.DurationMs);
        Assert.Equal(env.Clock.GetUtcNow().UtcDateTime, DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc));
        var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == first.ItemId, Ct);
        Assert.Equal((1, ItemStatus.Open), (item.LabelCount, item.Status));
        if (provider == DatabaseProvider.Sqlite)
        {
            // The plain-SQL update writes the row version through EF's Guid mapping: text, as EF itself writes it.
            var stored = await db.Database.SqlQuery<string>($"""SELECT typeof("Version") || ':' || "Version" AS "Value" FROM "Items" WHERE "Id" = {first.ItemId}""").SingleAsync(Ct);
            Assert.Equal("text:" + item.Version.ToString().ToUpperInvariant(), stored);
        }

        Assert.NotNull(result.Next);
        Assert.NotEqual(first.ItemId, result.Next.ItemId);
        var leases = await db.Leases.AsNoTracking().Where(l => l.UserId == users[0]).Select(l => l.ItemId).ToListAsync(Ct);
        Assert.Equal([result.Next.ItemId], leases);

        var second = await queue.SubmitAndNextAsync(result.Next.ItemId, users[0], LabelInput.ForOutOfScope(), Ct);
        var outOfScope = await db.Labels.AsNoTracking().SingleAsync(l => l.Id == second.Submitted.LabelId, Ct);
        Assert.Equal((null, true, false, null), (outOfScope.IntentId, outOfScope.OutOfScope, outOfScope.Unclear, outOfScope.Note));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SubmitAndNext_OnAFullItemStoresNothingAndLeasesNothing(DatabaseProvider provider)
    {
        await using var env = await AnnotationDatabase.CreateAsync(provider);
        var users = await env.AddUsersAsync(3);
        var intents = await env.AddIntentsAsync("x");
        await env.AddQuestionsAsync(2);
        var batch = await env.AddBatchAsync(users, labelsPerItem: 1);
        await using var db = env.Context();
        var queue = env.Queue(db);
        var itemId = await db.Items.Where(i => i.BatchId == batch.Id).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);

        // Straight to submit, no lease: the first fills the item, the second is refused inside the write.
        await queue.SubmitAsync(itemId, users[0], LabelInput.ForIntent(intents[0]), Ct);
        var refused = await Assert.ThrowsAsync<AnnotationException>(
            () => queue.SubmitAndNextAsync(itemId, users[1], LabelInput.ForIntent(intents[0]), Ct));

        Assert.Equal(AnnotationError.Conflict, refused.Error);
        Assert.Equal(1, await db.Labels.CountAsync(Ct));
        Assert.Equal(1, (await db.Items.AsNoTracking().SingleAsync(i => i.Id == itemId, Ct)).LabelCount);
        Assert.Empty(await db.Leases.AsNoTracking().ToListAsync(Ct));
    }
}
