using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Serving;

namespace PuoAiOps.Application.Bot;

/// <summary>The serving model's verdict on one question, with the runners-up for the trace.</summary>
public sealed record BotClassification(long? VersionId, string? Intent, double Confidence, bool OutOfScope, bool ExplicitlyOutOfScope, IReadOnlyList<TraceCandidate> Candidates)
{
    public static BotClassification None { get; } = new(null, null, 0, true, false, []);
}

/// <summary>Step 3: classification with the serving version (none serving: no intent, and the pipeline retrieves).</summary>
public sealed class BotClassifier(ServingClassifier serving)
{
    public async Task<BotClassification> ClassifyAsync(string text, CancellationToken ct)
    {
        var classifier = await serving.GetAsync(ct);
        if (classifier is null) return BotClassification.None;
        if (classifier is OfflineIntentClassifier offline)
        {
            var p = offline.Model.Predict(text, topK: 4);
            var candidates = p.TopK.Select(k => new TraceCandidate(k.Label, Math.Round(k.Probability, 4))).ToList();
            var top = candidates.Count > 0 ? candidates[0].Intent : p.Label;
            var explicitOos = top == TrainingDataLoader.OutOfScopeLabel;
            return new BotClassification(classifier.VersionId, p.IsOutOfScope ? null : p.Label, p.Confidence, p.IsOutOfScope, explicitOos, candidates.Skip(1).ToList());
        }
        var output = (await classifier.ClassifyAsync([text], null, ct))[0];
        var oos = output.Failed || output.Label == TrainingDataLoader.OutOfScopeLabel;
        return new BotClassification(classifier.VersionId, oos ? null : output.Label, output.Confidence, oos,
            !output.Failed && output.TopLabel == TrainingDataLoader.OutOfScopeLabel, []);
    }
}
