using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Data;

/// <summary>Reads the final labels of the workspace: <c>Question.FinalIntentId</c> as the intent key, <c>FinalOutOfScope</c> as "oos".</summary>
public sealed class TrainingDataLoader(PuoDbContext db)
{
    /// <summary>The label of out-of-scope questions (the same one the label export writes).</summary>
    public const string OutOfScopeLabel = PuoAiOps.Core.Taxonomy.TaxonomyKeys.OutOfScopeKey;

    public async Task<TrainingData> LoadAsync(CancellationToken ct = default)
    {
        var intents = await IntentsAsync(ct: ct);
        if (intents.Any(i => i.Key == OutOfScopeLabel))
            throw new ValidationException("data", CodedMessage.Of(ClassificationRefusal.ReservedKey, OutOfScopeLabel));
        var keyOf = intents.ToDictionary(i => i.Id, i => i.Key);
        var rows = await db.Questions.AsNoTracking()
            .Where(q => q.FinalIntentId != null || q.FinalOutOfScope)
            .OrderBy(q => q.Id)
            .Select(q => new { q.Id, q.Text, q.FinalIntentId, q.FinalOutOfScope })
            .ToListAsync(ct);
        var questions = rows
            .Where(r => r.FinalOutOfScope || keyOf.ContainsKey(r.FinalIntentId!.Value))
            .Select(r => new LabeledQuestion(r.Id, r.Text, r.FinalOutOfScope ? OutOfScopeLabel : keyOf[r.FinalIntentId!.Value]))
            .ToList();
        var unlabeled = await db.Questions.CountAsync(q => q.FinalIntentId == null && !q.FinalOutOfScope, ct);
        return new TrainingData(questions, intents, unlabeled);
    }

    /// <summary>Intents in taxonomy order with their English name (or key): not drafts; with <paramref name="activeOnly"/> not deprecated either.</summary>
    public async Task<List<IntentInfo>> IntentsAsync(bool activeOnly = false, CancellationToken ct = default)
    {
        var rows = await db.Intents.AsNoTracking()
            .Where(i => i.Status == IntentStatus.Active || (!activeOnly && i.Status == IntentStatus.Deprecated))
            .OrderBy(i => i.Domain!.SortOrder).ThenBy(i => i.Key)
            .Select(i => new { i.Id, i.Key, i.Names, i.Description })
            .ToListAsync(ct);
        return rows.Select(r => new IntentInfo(r.Id, r.Key, r.Names.GetValueOrDefault("en") ?? r.Key, r.Description)).ToList();
    }
}
