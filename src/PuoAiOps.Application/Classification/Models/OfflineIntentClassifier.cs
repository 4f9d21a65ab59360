using PuoAiOps.Core.Classification;

namespace PuoAiOps.Application.Classification.Models;

/// <summary>The offline model of a version (see <c>PuoAiOps.Core.Classification.IntentModel</c>).</summary>
public sealed class OfflineIntentClassifier(long versionId, IntentModel model) : IIntentClassifier
{
    public long VersionId { get; } = versionId;
    public IntentModel Model { get; } = model;
    public IReadOnlyList<string> Labels => [.. Model.Labels.Append(Model.OutOfScopeLabel).Distinct(StringComparer.Ordinal)];

    /// <summary>The model's confidence threshold (out of scope below it).</summary>
    public float Threshold => Model.Threshold;

    public ClassifierOutput Classify(string text)
    {
        var prediction = Model.Predict(text, topK: 1);
        var top = prediction.TopK.Count > 0 ? prediction.TopK[0].Label : prediction.Label;
        return new ClassifierOutput(prediction.Label, top, prediction.Confidence);
    }

    public Task<IReadOnlyList<ClassifierOutput>> ClassifyAsync(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken ct)
    {
        var outputs = new ClassifierOutput[texts.Count];
        const int chunk = 256;
        for (var start = 0; start < texts.Count; start += chunk)
        {
            ct.ThrowIfCancellationRequested();
            var end = Math.Min(texts.Count, start + chunk);
            Parallel.For(start, end, i => outputs[i] = Classify(texts[i]));
            progress?.Report(end);
        }
        return Task.FromResult<IReadOnlyList<ClassifierOutput>>(outputs);
    }
}
