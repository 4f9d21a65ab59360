using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Annotation;

namespace PuoAiOps.Application.Annotation;

/// <summary>Picks the questions and gold items of a new batch and gives each its order key.</summary>
internal sealed class BatchSelection(PuoDbContext db)
{
    private static readonly long SampleSalt = StableRandom.Salt("sample");
    private static readonly long GoldSalt = StableRandom.Salt("gold");
    private static readonly long OrderSalt = StableRandom.Salt("order");

    public async Task<List<AnnotationItem>> SelectAsync(CreateBatchRequest request, CancellationToken ct)
    {
        var filter = request.Filter;
        var regular = await Matching(filter).Select(q => new Candidate(q.Id, q.PredictedConfidence)).ToListAsync(ct);
        if (filter.SampleSize is { } n && n < regular.Count)
            regular = regular.OrderBy(c => StableRandom.Hash(filter.Seed, SampleSalt, c.QuestionId)).Take(n).ToList();
        if (regular.Count == 0)
            throw AnnotationException.Invalid(AnnotationRefusal.NoQuestionsMatch);

        var items = regular.Select(c => new AnnotationItem { QuestionId = c.QuestionId, Priority = Priority(request, c) }).ToList();
        if (request.GoldShare > 0)
            items.AddRange(await GoldAsync(request, items, ct));
        return items;
    }

    private IQueryable<Question> Matching(BatchFilter filter)
    {
        var query = db.Questions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Source)) query = query.Where(q => q.Source == filter.Source);
        if (filter.From is { } from) { var f = AsUtc(from); query = query.Where(q => q.CreatedAt >= f); }
        if (filter.To is { } to) { var t = AsUtc(to); query = query.Where(q => q.CreatedAt < t); }
        if (filter.UnlabeledOnly) query = query.Where(q => q.FinalIntentId == null && !q.FinalOutOfScope);
        if (filter.ConfidenceBelow is { } below)
            query = query.Where(q => q.PredictedConfidence != null && q.PredictedConfidence < below);
        return query;
    }

    /// <summary>
    /// Gold items come from questions that already carry a final label, so gold answers are real
    /// production labels. Their count makes them <see cref="CreateBatchRequest.GoldShare"/> of the whole batch.
    /// </summary>
    private async Task<List<AnnotationItem>> GoldAsync(CreateBatchRequest request, List<AnnotationItem> regular, CancellationToken ct)
    {
        var wanted = (int)Math.Round(regular.Count * request.GoldShare / (1 - request.GoldShare), MidpointRounding.AwayFromZero);
        if (wanted == 0) return [];
        var taken = regular.Select(i => i.QuestionId).ToHashSet();
        var pool = await db.Questions.AsNoTracking()
            .Where(q => q.FinalIntentId != null || q.FinalOutOfScope)
            .Select(q => new { q.Id, q.FinalIntentId, q.FinalOutOfScope })
            .ToListAsync(ct);
        pool.RemoveAll(q => taken.Contains(q.Id));
        if (pool.Count == 0)
            throw AnnotationException.Invalid(AnnotationRefusal.NoGoldCandidates);

        var seed = request.Filter.Seed;
        var sortedPriorities = regular.Select(i => i.Priority).Order().ToArray();
        return pool
            .OrderBy(q => StableRandom.Hash(seed, GoldSalt, q.Id))
            .Take(wanted)
            .Select(q => new AnnotationItem
            {
                QuestionId = q.Id,
                IsGold = true,
                GoldIntentId = q.FinalOutOfScope ? null : q.FinalIntentId,
                GoldOutOfScope = q.FinalOutOfScope,
                // Borrow the order key of a random regular item: gold spreads through the queue
                // exactly like real work, so its position gives nothing away.
                Priority = sortedPriorities[(int)(StableRandom.Unit(seed, OrderSalt, -q.Id) * sortedPriorities.Length)],
            })
            .ToList();
    }

    private static double Priority(CreateBatchRequest request, Candidate c) => request.Order switch
    {
        // No prediction at all is the least certain case, so it sorts first.
        BatchOrder.MostUncertainFirst => c.Confidence ?? 0,
        _ => StableRandom.Unit(request.Filter.Seed, OrderSalt, c.QuestionId),
    };

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private sealed record Candidate(long QuestionId, double? Confidence);
}
