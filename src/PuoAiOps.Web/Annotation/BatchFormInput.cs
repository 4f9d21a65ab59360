using System.ComponentModel.DataAnnotations;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Annotation;

/// <summary>Fields of the new-batch form. Percentages are whole numbers on the form and shares in the request.</summary>
public sealed class BatchFormInput
{
    [Required(ErrorMessage = "Give the batch a name."), StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    public string? Source { get; set; }

    public DateOnly? From { get; set; }

    /// <summary>Inclusive: questions asked on this day are in.</summary>
    public DateOnly? To { get; set; }

    /// <summary>
    /// Off by default, on purpose: an unticked checkbox posts nothing, so a field that defaults to true
    /// could never be switched off through the form.
    /// </summary>
    public bool IncludeLabeled { get; set; }

    [Range(1, 100, ErrorMessage = "The confidence limit is a percentage from 1 to 100.")]
    public int? ConfidenceBelowPercent { get; set; }

    [Range(1, 1_000_000, ErrorMessage = "The sample size must be at least 1.")]
    public int? SampleSize { get; set; }

    [Range(1, BatchService.MaxLabelsPerItem, ErrorMessage = "Labels per item must be between 1 and 10.")]
    public int LabelsPerItem { get; set; } = 2;

    [Range(0, 50, ErrorMessage = "The gold share is a percentage from 0 to 50.")]
    public int GoldPercent { get; set; }

    public BatchOrder Order { get; set; } = BatchOrder.Random;

    public bool ShowSuggestions { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "The seed must be a positive number.")]
    public int Seed { get; set; } = 1;

    /// <summary>Ticked annotators (read from the form's repeated <c>annotators</c> field, not bound by the form mapper).</summary>
    public List<string> AnnotatorIds { get; set; } = [];

    /// <summary>Checks that need more than one field, keyed by the field the message belongs to.</summary>
    public IEnumerable<(string Field, string Message)> CrossFieldErrors()
    {
        if (AnnotatorIds.Count == 0)
            yield return (nameof(AnnotatorIds), "Choose at least one annotator.");
        else if (LabelsPerItem > AnnotatorIds.Count)
            yield return (nameof(LabelsPerItem), $"Each item needs {LabelsPerItem} labels from different people, but only {AnnotatorIds.Count} annotator{(AnnotatorIds.Count == 1 ? " is" : "s are")} chosen.");
        if (From is { } from && To is { } to && from > to)
            yield return (nameof(To), "The period must end on or after its first day.");
    }

    public CreateBatchRequest ToRequest() => new()
    {
        Name = Name.Trim(),
        Filter = new BatchFilter
        {
            Source = string.IsNullOrWhiteSpace(Source) ? null : Source,
            From = From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            To = To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            UnlabeledOnly = !IncludeLabeled,
            ConfidenceBelow = ConfidenceBelowPercent / 100.0,
            SampleSize = SampleSize,
            Seed = Seed,
        },
        LabelsPerItem = LabelsPerItem,
        GoldShare = GoldPercent / 100.0,
        AnnotatorIds = AnnotatorIds,
        Order = Order,
        ShowSuggestions = ShowSuggestions,
    };
}
