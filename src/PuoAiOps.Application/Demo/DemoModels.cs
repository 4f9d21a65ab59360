using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Classification.Batch;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Demo.Generation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Classification;

namespace PuoAiOps.Application.Demo;

/// <summary>What <see cref="DemoModels.EnsureAsync"/> did.</summary>
public sealed record DemoModelsResult(bool Trained, long? BaselineId, long? CurrentId, long? ServingId, int Classified, TimeSpan Elapsed);

/// <summary>
/// The demo's classifier history, written after the demo workspace is seeded: a baseline trained
/// a month ago on part of the labels with word features only, the current version trained last week
/// on all of them, the better of the two serving, and the unlabeled demo questions classified by it
/// (so "most uncertain first" annotation batches have something to sort by). Both versions are
/// marked IsDemo and go with <c>puo demo remove</c>. Takes a few seconds.
/// </summary>
public sealed class DemoModels(
    PuoDbContext db,
    ModelTrainingService training,
    ModelRegistry registry,
    BatchClassificationService batch,
    TimeProvider clock,
    ILogger<DemoModels>? logger = null)
{
    private static readonly Actor Curator = Actor.User(DemoUsers.Curator, "Chen Jie (demo curator)", Roles.Curator);
    private static readonly Actor Reviewer = Actor.User(DemoUsers.Reviewer, "Priya Natarajan (demo reviewer)", Roles.Reviewer);

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Adds the demo versions unless some exist already or there are no demo labels to learn from.</summary>
    public async Task<DemoModelsResult> EnsureAsync(CancellationToken ct = default)
    {
        var started = Stopwatch.StartNew();
        if (await db.ModelVersions.AnyAsync(m => m.IsDemo, ct) || !await db.Questions.AnyAsync(q => q.IsDemo && (q.FinalIntentId != null || q.FinalOutOfScope), ct))
            return new DemoModelsResult(false, null, null, null, 0, started.Elapsed);

        var baseline = await training.TrainAsync(new TrainRequest
        {
            Name = "baseline",
            Note = "First model: 40 % of the training labels, word n-grams only.",
            IsDemo = true,
            Split = new SplitSettings { TrainingShare = 0.4 },
            Trainer = new TrainerOptions { Features = new FeatureOptions { CharBlockWeight = 0, CharNgramMin = 3, CharNgramMax = 3, CharMinDf = 1000 } },
        }, Curator, ct: ct);
        var current = await training.TrainAsync(new TrainRequest
        {
            Name = "all-labels",
            Note = "Every final label, word and character n-grams.",
            IsDemo = true,
        }, Curator, ct: ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await Backdate(baseline.Id, now.AddDays(-30), ct);
        await registry.PromoteAsync(baseline.Id, Reviewer, ct);
        await db.ModelVersions.Where(m => m.Id == baseline.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.PromotedAt, now.AddDays(-29)), ct);
        await Backdate(current.Id, now.AddDays(-6), ct);
        var better = current.MacroF1 >= baseline.MacroF1 ? current : baseline;
        if (better.Id != baseline.Id) await registry.PromoteAsync(better.Id, Reviewer, ct);

        var classified = await batch.RunAsync(Reviewer, ct: ct);
        DemoLog.ModelsTrained(_logger, baseline.Id, current.Id, better.Id, started.ElapsedMilliseconds);
        return new DemoModelsResult(true, baseline.Id, current.Id, better.Id, classified.Questions, started.Elapsed);
    }

    private Task<int> Backdate(long id, DateTime at, CancellationToken ct) =>
        db.ModelVersions.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.TrainedAt, at), ct);
}

internal static partial class DemoLog
{
    [LoggerMessage(10, LogLevel.Information, "Demo classifier versions {BaselineId} and {CurrentId} trained, {ServingId} serving, in {ElapsedMs} ms")]
    public static partial void ModelsTrained(ILogger logger, long baselineId, long currentId, long servingId, long elapsedMs);
}
