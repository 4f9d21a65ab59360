namespace PuoAiOps.Application.Classification.Models;

/// <summary>
/// A classifier of one model version, offline or LLM. Evaluation, batch classification and serving
/// all go through this, so both kinds are measured in exactly the same way.
/// </summary>
public interface IIntentClassifier
{
    long VersionId { get; }

    /// <summary>Labels the classifier may answer with (intent keys and "oos").</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>One output per text, in order. <paramref name="progress"/> receives the number of texts done.</summary>
    Task<IReadOnlyList<ClassifierOutput>> ClassifyAsync(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken ct);
}

/// <summary>
/// One answer. <see cref="Label"/> is the decision (out of scope when the threshold rejects the top
/// label); <see cref="TopLabel"/> is the best label before any threshold, which the coverage curve
/// needs. <see cref="Failed"/>: the classifier could not answer (an LLM call failed or its answer was
/// invalid); the decision then falls back to out of scope with zero confidence.
/// </summary>
public readonly record struct ClassifierOutput(string Label, string TopLabel, float Confidence, bool Failed = false)
{
    public static ClassifierOutput Failure(string outOfScopeLabel) => new(outOfScopeLabel, outOfScopeLabel, 0f, true);
}
