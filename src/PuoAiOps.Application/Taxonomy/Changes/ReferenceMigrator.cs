using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>
/// Re-points every label reference from one intent to another with set-based updates (no rows
/// loaded), inside the caller's transaction: annotator labels, adjudications, gold items, question
/// final labels and predictions, conversations and turns.
/// </summary>
internal sealed class ReferenceMigrator(PuoDbContext db)
{
    // Keeps every IN (...) list well under SQLite's and PostgreSQL's parameter limits.
    private const int ChunkSize = 500;

    public async Task<ReferenceCounts> MoveAllAsync(IReadOnlyCollection<int> from, int to, CancellationToken ct)
    {
        var ids = from.Select(i => (int?)i).ToList();
        return new ReferenceCounts(
            Labels: await db.Labels.Where(l => ids.Contains(l.IntentId)).ExecuteUpdateAsync(s => s.SetProperty(l => l.IntentId, to), ct),
            FinalLabels: await db.Questions.Where(q => ids.Contains(q.FinalIntentId)).ExecuteUpdateAsync(s => s.SetProperty(q => q.FinalIntentId, to), ct),
            Predictions: await db.Questions.Where(q => ids.Contains(q.PredictedIntentId)).ExecuteUpdateAsync(s => s.SetProperty(q => q.PredictedIntentId, to), ct),
            GoldItems: await db.Items.Where(i => ids.Contains(i.GoldIntentId)).ExecuteUpdateAsync(s => s.SetProperty(i => i.GoldIntentId, to), ct),
            Adjudications: await db.Adjudications.Where(a => ids.Contains(a.IntentId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.IntentId, to), ct),
            Conversations: await db.Conversations.Where(c => ids.Contains(c.IntentId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.IntentId, to), ct),
            Turns: await db.Turns.Where(t => ids.Contains(t.IntentId)).ExecuteUpdateAsync(s => s.SetProperty(t => t.IntentId, to), ct));
    }

    /// <summary>Moves the references of the given questions only (labels, adjudications and gold through their items).</summary>
    public async Task<ReferenceCounts> MoveQuestionsAsync(int from, int to, IReadOnlyCollection<long> questionIds, CancellationToken ct)
    {
        var total = ReferenceCounts.None;
        foreach (var chunk in questionIds.Chunk(ChunkSize))
        {
            total += new ReferenceCounts(
                Labels: await db.Labels.Where(l => l.IntentId == from && chunk.Contains(l.QuestionId))
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.IntentId, to), ct),
                FinalLabels: await db.Questions.Where(q => q.FinalIntentId == from && chunk.Contains(q.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.FinalIntentId, to), ct),
                Predictions: await db.Questions.Where(q => q.PredictedIntentId == from && chunk.Contains(q.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.PredictedIntentId, to), ct),
                GoldItems: await db.Items.Where(i => i.GoldIntentId == from && chunk.Contains(i.QuestionId))
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.GoldIntentId, to), ct),
                Adjudications: await db.Adjudications
                    .Where(a => a.IntentId == from && db.Items.Any(i => i.Id == a.ItemId && chunk.Contains(i.QuestionId)))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.IntentId, to), ct));
        }
        return total;
    }

    public async Task<ReferenceCounts> MoveConversationsAsync(int from, int to, IReadOnlyCollection<long> conversationIds,
        IReadOnlyCollection<long> turnIds, CancellationToken ct)
    {
        var conversations = 0;
        foreach (var chunk in conversationIds.Chunk(ChunkSize))
            conversations += await db.Conversations.Where(c => c.IntentId == from && chunk.Contains(c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IntentId, to), ct);
        var turns = 0;
        foreach (var chunk in turnIds.Chunk(ChunkSize))
            turns += await db.Turns.Where(t => t.IntentId == from && chunk.Contains(t.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.IntentId, to), ct);
        return new ReferenceCounts(Conversations: conversations, Turns: turns);
    }
}
