using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Components.Annotation;

/// <summary>The answer being put together on the labeling page for the current item.</summary>
public sealed class LabelDraft
{
    public PickerIntent? Intent { get; set; }
    public bool OutOfScope { get; set; }
    public bool Unclear { get; set; }
    public bool MultipleIntents { get; set; }
    public string? Note { get; set; }

    public bool HasAnswer => OutOfScope || Intent is not null;

    /// <summary>A tab left open for hours must not skew speed statistics: the time is clamped to [0, 1 h].</summary>
    public LabelInput ToInput(TimeSpan onItem) => new(OutOfScope ? null : Intent?.Id, OutOfScope, Unclear, MultipleIntents,
        string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), (int)Math.Clamp(onItem.TotalMilliseconds, 0, 3_600_000));
}
