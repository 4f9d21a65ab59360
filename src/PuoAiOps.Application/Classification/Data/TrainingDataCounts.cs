using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Classification.Data;

/// <summary>
/// What a training run would have to learn from: questions with a final label and how many distinct
/// labels they use (out of scope counts as one), and the unlabeled questions, of which some already carry a prediction.
/// </summary>
public sealed record TrainingDataSummary(int Labeled, int LabelsInUse, int Unlabeled, int Predicted);

public sealed class TrainingDataCounts(PuoDbContext db)
{
    public async Task<TrainingDataSummary> SummaryAsync(CancellationToken ct = default)
    {
        var labeled = db.Questions.AsNoTracking().Where(q => q.FinalIntentId != null || q.FinalOutOfScope);
        return new TrainingDataSummary(
            await labeled.CountAsync(ct),
            await labeled.Select(q => q.FinalOutOfScope ? -1 : q.FinalIntentId).Distinct().CountAsync(ct),
            await db.Questions.CountAsync(q => q.FinalIntentId == null && !q.FinalOutOfScope, ct),
            await db.Questions.CountAsync(q => q.FinalIntentId == null && !q.FinalOutOfScope && q.PredictedByModelId != null, ct));
    }
}
