using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Annotation;

/// <summary>
/// Everything the item panel of the labeling page shows: the leased item (or none left), the
/// annotator's progress, and a message about the last action. Carries nothing about gold status.
/// </summary>
public sealed record LabelPanelModel
{
    public required long BatchId { get; init; }
    public required AnnotatorProgress Progress { get; init; }

    /// <summary>The item to label; null when nothing is left for this annotator (or the batch is not open).</summary>
    public QueueItem? Item { get; init; }

    /// <summary>Where the question came from (importer source), shown as context.</summary>
    public string? Source { get; init; }

    /// <summary>The user and the conversation around the question (empty when the question has no user reference).</summary>
    public QuestionContext Context { get; init; } = QuestionContext.None;

    /// <summary>Why no work is handed out although items may be left (batch paused or closed).</summary>
    public string? Blocked { get; init; }

    public string? Notice { get; init; }
    public string? Warning { get; init; }
    public string? Error { get; init; }

    /// <summary>The answer sent with a refused submit, put back so nothing typed is lost.</summary>
    public LabelForm? Draft { get; init; }

    /// <summary>Open the skip box (a refused skip), with the reason typed so far.</summary>
    public bool SkipOpen { get; init; }
    public string? SkipReason { get; init; }

    public bool Done => Item is null;
}

/// <summary>The label form as posted by the page (checkboxes post "true" when ticked, nothing otherwise).</summary>
public sealed class LabelForm
{
    public int? IntentId { get; set; }
    public bool OutOfScope { get; set; }
    public bool Unclear { get; set; }
    public bool MultipleIntents { get; set; }
    public string? Note { get; set; }
    public int DurationMs { get; set; }

    /// <summary>Client clocks can be off or a tab left open for hours: clamp to [0, 1 h] so speed statistics stay sane.</summary>
    public LabelInput ToInput() => new(OutOfScope ? null : IntentId, OutOfScope, Unclear, MultipleIntents,
        string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), Math.Clamp(DurationMs, 0, 3_600_000));
}
