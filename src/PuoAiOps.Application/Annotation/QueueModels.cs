namespace PuoAiOps.Application.Annotation;

/// <summary>
/// The item an annotator works on, reserved for them until <see cref="LeaseExpiresAt"/>. Deliberately
/// says nothing about gold status or other annotators' labels.
/// </summary>
public sealed record QueueItem(long ItemId, long BatchId, long QuestionId, string Text, string? Locale, string? Channel,
    DateTime AskedAt, IntentSuggestion? Suggestion, DateTime LeaseExpiresAt);

/// <summary>The model's guess, shown only when the batch has suggestions switched on.</summary>
public sealed record IntentSuggestion(IntentRef Intent, double? Confidence);

/// <summary>An annotator's answer: an intent or out-of-scope, plus flags, a note and the time spent.</summary>
public sealed record LabelInput(int? IntentId, bool OutOfScope = false, bool Unclear = false, bool MultipleIntents = false,
    string? Note = null, int DurationMs = 0)
{
    public const int MaxNoteLength = 2000;

    public static LabelInput ForIntent(int intentId, int durationMs = 0) => new(intentId, DurationMs: durationMs);
    public static LabelInput ForOutOfScope(int durationMs = 0) => new(null, OutOfScope: true, DurationMs: durationMs);
}

public sealed record SubmitResult(long LabelId, long ItemId);

public sealed record SubmitAndNextResult(SubmitResult Submitted, QueueItem? Next);

/// <summary>The undone label's item, handed back to the annotator (leased again when possible).</summary>
public sealed record UndoResult(long ItemId, QueueItem? Next);

/// <summary>What the queue knows about one item and the caller, read in one query before any write.</summary>
internal sealed record ItemContext(long ItemId, long BatchId, long QuestionId, bool IsGold,
    Persistence.Entities.ItemStatus Status, int LabelsPerItem, Persistence.Entities.BatchStatus BatchStatus, bool ShowSuggestions,
    bool Assigned, bool LabeledByUser, bool SkippedByUser, Persistence.Entities.IntentStatus? LabelIntentStatus)
{
    public BatchAccess Access => new(BatchId, LabelsPerItem, ShowSuggestions);
}

/// <summary>The batch settings the queue needs once the caller's access is checked.</summary>
internal sealed record BatchAccess(long BatchId, int LabelsPerItem, bool ShowSuggestions);
