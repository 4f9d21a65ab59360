using System.Text.Json;
using PuoAiOps.Application.Classification.Batch;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Jobs;

internal sealed class TrainJobHandler(ModelTrainingService training) : IJobHandler
{
    public string Kind => ClassifierJobKinds.Train;

    public async Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct)
    {
        var payload = JobQueue.PayloadOf<TrainJobPayload>(job);
        var version = await training.TrainAsync(payload.Request, payload.Actor.ToActor(), progress, ct);
        return new JobOutcome(JsonSerializer.Serialize(new VersionJobResult(version.Id), JobQueue.Json),
            CodedMessage.Of(ClassificationJobMessage.Trained, version.Name, version.Accuracy, version.MacroF1, version.TestCount));
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
            CodedMessage.Of(ClassificationJobMessage.Evaluated, version.Name, version.Accuracy, version.MacroF1, version.TestCount));
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
            CodedMessage.Of(ClassificationJobMessage.CrossValidated, result.Folds, payload.VersionId, result.MeanAccuracy, result.SdAccuracy, result.MeanMacroF1, result.SdMacroF1));
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
            CodedMessage.Of(ClassificationJobMessage.BatchClassified, result.Questions, result.VersionId, result.LowConfidence, BatchClassificationService.LowConfidence));
    }
}
