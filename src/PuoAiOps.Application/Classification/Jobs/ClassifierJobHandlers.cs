using System.Globalization;
using System.Text.Json;
using PuoAiOps.Application.Classification.Batch;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Classification.Jobs;

internal sealed class TrainJobHandler(ModelTrainingService training) : IJobHandler
{
    public string Kind => ClassifierJobKinds.Train;

    public async Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var payload = JobQueue.PayloadOf<TrainJobPayload>(job);
        var version = await training.TrainAsync(payload.Request, payload.Actor.ToActor(), progress, ct);
        return new JobOutcome(JsonSerializer.Serialize(new VersionJobResult(version.Id), JobQueue.Json),
            string.Create(CultureInfo.InvariantCulture, $"Trained {version.Name}: accuracy {version.Accuracy:P1}, macro-F1 {version.MacroF1:P1} on {version.TestCount:N0} test questions."));
    }
}

internal sealed class LlmEvaluationJobHandler(LlmEvaluationService evaluation) : IJobHandler
{
    public string Kind => ClassifierJobKinds.EvaluateLlm;

    public async Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var payload = JobQueue.PayloadOf<LlmJobPayload>(job);
        var version = await evaluation.EvaluateAsync(payload.Name, payload.Actor.ToActor(), progress, ct);
        return new JobOutcome(JsonSerializer.Serialize(new VersionJobResult(version.Id), JobQueue.Json),
            string.Create(CultureInfo.InvariantCulture, $"Evaluated {version.Name}: accuracy {version.Accuracy:P1}, macro-F1 {version.MacroF1:P1} on {version.TestCount:N0} test questions."));
    }
}

internal sealed class CrossValidationJobHandler(CrossValidationService crossValidation) : IJobHandler
{
    public string Kind => ClassifierJobKinds.CrossValidate;

    public async Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var payload = JobQueue.PayloadOf<VersionJobPayload>(job);
        var result = await crossValidation.RunAsync(payload.VersionId, payload.Actor.ToActor(), progress, ct);
        return new JobOutcome(JsonSerializer.Serialize(new VersionJobResult(payload.VersionId), JobQueue.Json),
            string.Create(CultureInfo.InvariantCulture, $"{result.Folds}-fold cross-validation of #{payload.VersionId}: accuracy {result.MeanAccuracy:P1} ± {result.SdAccuracy:P1}, macro-F1 {result.MeanMacroF1:P1} ± {result.SdMacroF1:P1}."));
    }
}

internal sealed class BatchClassificationJobHandler(BatchClassificationService batch) : IJobHandler
{
    public string Kind => ClassifierJobKinds.BatchClassify;

    public async Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var payload = JobQueue.PayloadOf<BatchJobPayload>(job);
        var result = await batch.RunAsync(payload.Actor.ToActor(), progress, ct);
        return new JobOutcome(JsonSerializer.Serialize(result, JobQueue.Json),
            string.Create(CultureInfo.InvariantCulture,
                $"Classified {result.Questions:N0} unlabeled questions with #{result.VersionId}: {result.LowConfidence:N0} below {BatchClassificationService.LowConfidence:P0} confidence now lead the uncertain-first annotation order."));
    }
}
