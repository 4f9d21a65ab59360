using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>What the annotator's page shows of an item, read together with the item itself.</summary>
internal sealed record ItemView(long ItemId, long BatchId, long QuestionId, double Priority, string Text, string? Locale, string? Channel,
    DateTime AskedAt, double? PredictedConfidence, int? SuggestedId, string? SuggestedKey, Dictionary<string, string>? SuggestedNames)
{
    /// <summary>Joins items to their question and the model's predicted intent.</summary>
    public static IQueryable<ItemView> Of(PuoDbContext db, IQueryable<AnnotationItem> items) =>
        from i in items
        join q in db.Questions on i.QuestionId equals q.Id
        join s in db.Intents on q.PredictedIntentId equals s.Id into suggested
        from s in suggested.DefaultIfEmpty()
        select new ItemView(i.Id, i.BatchId, i.QuestionId, i.Priority, q.Text, q.Locale, q.Channel, q.CreatedAt, q.PredictedConfidence,
            s == null ? null : s.Id, s == null ? null : s.Key, s == null ? null : s.Names);

    public QueueItem ToQueueItem(bool showSuggestions, DateTime leaseExpires)
    {
        var suggestion = showSuggestions && SuggestedId is { } id
            ? new IntentSuggestion(new IntentRef(id, SuggestedKey!, SuggestedNames ?? []), PredictedConfidence)
            : null;
        return new QueueItem(ItemId, BatchId, QuestionId, Text, Locale, Channel, DateTime.SpecifyKind(AskedAt, DateTimeKind.Utc),
            suggestion, DateTime.SpecifyKind(leaseExpires, DateTimeKind.Utc));
    }
}

/// <summary>An item now reserved for the caller until <see cref="ExpiresAt"/>.</summary>
internal sealed record LeasedItem(ItemView View, DateTime ExpiresAt);
