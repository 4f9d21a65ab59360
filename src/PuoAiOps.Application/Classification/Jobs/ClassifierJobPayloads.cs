using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;

namespace PuoAiOps.Application.Classification.Jobs;

/// <summary>Job kinds of the classifier (all start with <see cref="Prefix"/>).</summary>
public static class ClassifierJobKinds
{
    public const string Prefix = "classifier.";
    public const string Train = "classifier.train";
    public const string EvaluateLlm = "classifier.evaluate-llm";
    public const string CrossValidate = "classifier.cross-validate";
    public const string BatchClassify = "classifier.batch-classify";

    public static string Describe(string kind) => kind switch
    {
        Train => "Train offline model",
        EvaluateLlm => "Evaluate LLM classifier",
        CrossValidate => "Cross-validation",
        BatchClassify => "Classify unlabeled questions",
        _ => kind,
    };
}

/// <summary>Who queued a job, kept in its payload: the job runs later, without the request.</summary>
public sealed record JobActor(string? UserId, string Name, string[] Roles)
{
    public static JobActor From(Actor actor) => new(actor.UserId, actor.DisplayName, [.. actor.Roles]);

    public Actor ToActor() => new(UserId, Name, new HashSet<string>(Roles, StringComparer.Ordinal));
}

public sealed class TrainJobPayload
{
    public JobActor Actor { get; set; } = new(null, "", []);
    public TrainRequest Request { get; set; } = new();
}

public sealed class LlmJobPayload
{
    public JobActor Actor { get; set; } = new(null, "", []);
    public string? Name { get; set; }
}

public sealed class VersionJobPayload
{
    public JobActor Actor { get; set; } = new(null, "", []);
    public long VersionId { get; set; }
}

public sealed class BatchJobPayload
{
    public JobActor Actor { get; set; } = new(null, "", []);
}

/// <summary>Result of jobs that produce a version.</summary>
public sealed record VersionJobResult(long VersionId);
