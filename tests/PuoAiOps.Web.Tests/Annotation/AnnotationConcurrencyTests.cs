using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>
/// Twenty annotators, each signed in with their own session, label one batch at the same time through the
/// real endpoints (half open the labeling page first, then all label through the JSON API). Checked in the
/// database: every accepted label is stored, no item gets more labels than it needs.
/// </summary>
public sealed class AnnotationConcurrencyTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    private const int Annotators = 20;
    private const int Questions = 30;
    private const int LabelsPerItem = 3;

    [Fact]
    public async Task TwentyAnnotatorsAtOnce_LoseNoLabel_AndNeverOverfillAnItem()
    {
        var users = new List<AppUser>();
        for (var i = 0; i < Annotators; i++) users.Add(await team.CreateUserAsync(Roles.Annotator, $"crowd{i:D2}-{Guid.NewGuid():N}@example.test"));
        var batch = await team.NewBatchAsync(Questions, users.Select(u => u.Id).ToList(), labelsPerItem: LabelsPerItem);
        var clients = new List<ConsoleClient>();
        foreach (var user in users) clients.Add(await team.SignInAsync(user.Email!));
        var intents = team.Intents.Values.ToArray();
        var accepted = new ConcurrentBag<(long ItemId, string User)>();
        var failures = new ConcurrentBag<string>();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = clients.Select((client, n) => Task.Run(async () =>
        {
            var user = users[n].Id;
            var token = await AnnotationApiTests.TokenAsync(client);
            // Half of them open the labeling page first (it leases their first item), as people do.
            if (n % 2 == 0)
            {
                var page = await client.GetPageAsync($"/annotate/batches/{batch.Id}/label");
                if (page.Status != HttpStatusCode.OK) failures.Add($"annotator {n}: label page {page.Status}");
            }
            long? item = await ApiNextAsync(client, batch.Id, token);
            await go.Task;
            while (item is { } current)
            {
                var intent = intents[(int)((current + n) % intents.Length)];
                using var response = await AnnotationApiTests.PostJsonAsync(client, $"/api/v1/annotation/batches/{batch.Id}/submit-and-next",
                    new { itemId = current, intentId = intent, durationMs = 1000 }, token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    accepted.Add((current, user));
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    item = json.RootElement.GetProperty("next").ValueKind == JsonValueKind.Null ? null : json.RootElement.GetProperty("next").GetProperty("itemId").GetInt64();
                }
                else if (response.StatusCode == HttpStatusCode.Conflict) item = await ApiNextAsync(client, batch.Id, token);
                else { failures.Add($"annotator {n}: API {response.StatusCode}"); break; }
            }
        })).ToList();
        go.SetResult();
        await Task.WhenAll(workers);
        foreach (var client in clients) client.Dispose();

        Assert.Empty(failures);
        var labels = await team.LabelsAsync(batch.Id);
        var items = await team.ItemsAsync(batch.Id);
        Assert.Equal(accepted.Select(a => (a.ItemId, a.User)).Order(), labels.Select(l => (l.ItemId, l.UserId)).Order()); // none lost, none invented
        Assert.Equal(Questions * LabelsPerItem, labels.Count);                                   // the batch got everything it needed
        Assert.All(items, i => Assert.Equal(LabelsPerItem, i.LabelCount));                       // never beyond the label count
        var perItem = labels.GroupBy(l => l.ItemId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(items, i => Assert.Equal(i.LabelCount, perItem[i.Id]));
        Assert.Equal(labels.Count, labels.Select(l => (l.ItemId, l.UserId)).Distinct().Count()); // nobody labeled an item twice
        Assert.All(items, i => Assert.NotEqual(ItemStatus.Open, i.Status));
        Assert.Equal(0, await team.WithDbAsync(db => db.Leases.CountAsync(l => db.Items.Any(i => i.Id == l.ItemId && i.BatchId == batch.Id))));
    }

    private static async Task<long?> ApiNextAsync(ConsoleClient client, long batchId, string token)
    {
        using var response = await AnnotationApiTests.PostJsonAsync(client, $"/api/v1/annotation/batches/{batchId}/next", null, token);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("itemId").GetInt64();
    }
}
