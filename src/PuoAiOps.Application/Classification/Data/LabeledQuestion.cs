namespace PuoAiOps.Application.Classification.Data;

/// <summary>A question with its final label: an intent key, or <see cref="TrainingDataLoader.OutOfScopeLabel"/>.</summary>
public sealed record LabeledQuestion(long Id, string Text, string Label);

/// <summary>An intent as the classifiers see it: its key (the label) and what it means (for the LLM prompt).</summary>
public sealed record IntentInfo(int Id, string Key, string Name, string Description);

/// <summary>The workspace's labeled questions and intents at one moment.</summary>
public sealed record TrainingData(IReadOnlyList<LabeledQuestion> Questions, IReadOnlyList<IntentInfo> Intents, int Unlabeled)
{
    public IReadOnlyList<string> Labels { get; } = Questions.Select(q => q.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
