namespace PuoAiOps.Application.Annotation;

/// <summary>One annotator's label as a reviewer sees it: who chose what.</summary>
public sealed record GivenLabel(string UserId, string DisplayName, IntentRef Intent, bool Unclear, bool MultipleIntents, string? Note, DateTime CreatedAt);

/// <summary>An item the annotators disagreed on, with every label given.</summary>
public sealed record AdjudicationCase(long ItemId, long BatchId, string BatchName, long QuestionId, string Text, string? Locale,
    IntentRef? Predicted, double? PredictedConfidence, IReadOnlyList<GivenLabel> Labels);

public sealed record AdjudicationPage(int Total, IReadOnlyList<AdjudicationCase> Items);

/// <summary>The reviewer's decision: an intent or out-of-scope, and why.</summary>
public sealed record AdjudicationInput(int? IntentId, bool OutOfScope, string Reason)
{
    public const int MaxReasonLength = 1000;
}

public sealed record AdjudicationResult(long AdjudicationId, long ItemId, long QuestionId);
