using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Jobs;

/// <summary>Queues the classifier's long work; any instance's job runner picks it up. One active job per kind.</summary>
public sealed class ClassifierJobService(JobQueue queue, AiChatClientProvider ai)
{
    public Task<(BackgroundJob Job, bool Created)> TrainAsync(TrainRequest request, Actor actor, CancellationToken ct = default)
    {
        ClassifierPermissions.RequireTrainer(actor);
        return queue.EnqueueAsync(ClassifierJobKinds.Train, new TrainJobPayload { Actor = JobActor.From(actor), Request = request }, actor, ct: ct);
    }

    public Task<(BackgroundJob Job, bool Created)> EvaluateLlmAsync(string? name, Actor actor, CancellationToken ct = default)
    {
        ClassifierPermissions.RequireTrainer(actor);
        if (!ai.IsConfigured) throw new ValidationException("ai", CodedMessage.Of(ClassificationRefusal.NoLlmEndpoint));
        return queue.EnqueueAsync(ClassifierJobKinds.EvaluateLlm, new LlmJobPayload { Actor = JobActor.From(actor), Name = name }, actor, ct: ct);
    }

    public Task<(BackgroundJob Job, bool Created)> CrossValidateAsync(long versionId, Actor actor, CancellationToken ct = default)
    {
        ClassifierPermissions.RequireTrainer(actor);
        return queue.EnqueueAsync(ClassifierJobKinds.CrossValidate, new VersionJobPayload { Actor = JobActor.From(actor), VersionId = versionId }, actor, ct: ct);
    }

    public Task<(BackgroundJob Job, bool Created)> BatchClassifyAsync(Actor actor, CancellationToken ct = default)
    {
        ClassifierPermissions.RequireTrainer(actor);
        return queue.EnqueueAsync(ClassifierJobKinds.BatchClassify, new BatchJobPayload { Actor = JobActor.From(actor) }, actor, ct: ct);
    }

    /// <summary>The latest classifier jobs, newest first.</summary>
    public Task<List<BackgroundJob>> RecentAsync(int take = 6, CancellationToken ct = default) =>
        queue.RecentAsync(ClassifierJobKinds.Prefix, take, ct);
}
