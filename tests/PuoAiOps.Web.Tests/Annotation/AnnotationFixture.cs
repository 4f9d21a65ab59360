using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>
/// The team workspace plus a small payments taxonomy (pointing at the real guide sections) and a
/// second annotator. Tests make their own questions and batches (<see cref="NewBatchAsync"/>) so they
/// do not see each other's work.
/// </summary>
public class AnnotationFixture : TeamFixture
{
    public IReadOnlyDictionary<string, int> Intents { get; private set; } = new Dictionary<string, int>();

    public AppUser SecondAnnotator { get; private set; } = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        SecondAnnotator = await CreateUserAsync(Roles.Annotator, "annotator2@example.test");
        Intents = await WithDbAsync(async db =>
        {
            var domain = new IntentDomain { Key = "payments", Names = new() { ["en"] = "Payments", ["zh-CN"] = "支付" } };
            var intents = new[]
            {
                ("recharge_not_credited", "Recharge not credited", "充值未到账", "payments.md#recharge-not-credited"),
                ("payment_failed", "Payment failed", "支付失败", "payments.md#payment-failed"),
                ("refund_request", "Refund request", "申请退款", "payments.md#refund-request"),
                ("coin_balance_wrong", "Coin balance wrong", "金币余额不对", "payments.md#no-such-section"),
            }.Select(x => new Intent
            {
                Key = x.Item1, Domain = domain, Names = new() { ["en"] = x.Item2, ["zh-CN"] = x.Item3 }, GuideRef = x.Item4,
                Description = $"The user says: {x.Item2.ToLowerInvariant()}.",
            }).ToList();
            db.Intents.AddRange(intents);
            await db.SaveChangesAsync();
            return (IReadOnlyDictionary<string, int>)intents.ToDictionary(i => i.Key, i => i.Id);
        });
    }

    /// <summary>Questions with a fresh source (so a batch can take exactly them); returns the source.</summary>
    public async Task<string> AddQuestionsAsync(int count, Action<int, Question>? shape = null)
    {
        var source = "test-" + Guid.NewGuid().ToString("N")[..10];
        await WithDbAsync(async db =>
        {
            db.Questions.AddRange(Enumerable.Range(1, count).Select(i =>
            {
                var q = new Question
                {
                    Text = $"Question {i} about my coins {Guid.NewGuid():N}", TextHash = Guid.NewGuid().ToString("N"),
                    Source = source, Channel = "app", Locale = "en", CreatedAt = new DateTime(2025, 2, 1, 10, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                };
                shape?.Invoke(i, q);
                return q;
            }));
            return await db.SaveChangesAsync();
        });
        return source;
    }

    /// <summary>A batch over <paramref name="count"/> new questions for the given annotators (default: both annotators).</summary>
    public async Task<BatchSummary> NewBatchAsync(int count, IReadOnlyList<string>? annotators = null, int labelsPerItem = 1,
        Action<int, Question>? shape = null, bool suggestions = false, double goldShare = 0)
    {
        var source = await AddQuestionsAsync(count, shape);
        return await WithServiceAsync<BatchService, BatchSummary>(s => s.CreateAsync(new CreateBatchRequest
        {
            Name = "Batch " + source,
            Filter = new BatchFilter { Source = source },
            LabelsPerItem = labelsPerItem,
            AnnotatorIds = annotators ?? [Users[Roles.Annotator].Id, SecondAnnotator.Id],
            Order = BatchOrder.Random,
            ShowSuggestions = suggestions,
            GoldShare = goldShare,
        }, Admin.Id));
    }

    /// <summary>Labels the user's next item in the batch through the service (not the UI).</summary>
    public Task<SubmitAndNextResult?> LabelNextAsync(long batchId, string userId, LabelInput label) =>
        WithServiceAsync<QueueService, SubmitAndNextResult?>(async queue =>
            await queue.NextAsync(batchId, userId) is { } item ? await queue.SubmitAndNextAsync(item.ItemId, userId, label) : null);

    public Task<List<AnnotationLabel>> LabelsAsync(long batchId) =>
        WithDbAsync(db => db.Labels.AsNoTracking().Where(l => db.Items.Any(i => i.Id == l.ItemId && i.BatchId == batchId)).ToListAsync());

    public Task<List<AnnotationItem>> ItemsAsync(long batchId) =>
        WithDbAsync(db => db.Items.AsNoTracking().Where(i => i.BatchId == batchId).ToListAsync());
}

/// <summary>Reading the labeling page as it is first rendered (before the circuit takes over).</summary>
public static class Fragments
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

    /// <summary>The item id of a labeling panel (null when the batch is done for this annotator).</summary>
    public static long? ItemId(IDocument panel) =>
        panel.QuerySelector(".label-item")?.GetAttribute("data-item-id") is { Length: > 0 } id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null;
}
