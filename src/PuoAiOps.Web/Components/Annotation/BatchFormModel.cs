using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Components.Annotation;

/// <summary>Fields of the new-batch form. Percentages are whole numbers on the form and shares in the request.</summary>
public sealed class BatchFormModel
{
    public string? Name { get; set; }
    public string Source { get; set; } = "";
    public DateTime? From { get; set; }

    /// <summary>Inclusive: questions asked on this day are in.</summary>
    public DateTime? To { get; set; }

    public bool IncludeLabeled { get; set; }
    public int? ConfidenceBelowPercent { get; set; }
    public int? SampleSize { get; set; }
    public int LabelsPerItem { get; set; } = 2;
    public int GoldPercent { get; set; }
    public BatchOrder Order { get; set; } = BatchOrder.Random;
    public bool ShowSuggestions { get; set; }
    public int Seed { get; set; } = 1;
    public HashSet<string> AnnotatorIds { get; } = new(StringComparer.Ordinal);

    public CreateBatchRequest ToRequest() => new()
    {
        Name = Name?.Trim() ?? "",
        Filter = new BatchFilter
        {
            Source = string.IsNullOrWhiteSpace(Source) ? null : Source,
            From = From is { } from ? DateTime.SpecifyKind(from.Date, DateTimeKind.Utc) : null,
            To = To is { } to ? DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc) : null,
            UnlabeledOnly = !IncludeLabeled,
            ConfidenceBelow = ConfidenceBelowPercent / 100.0,
            SampleSize = SampleSize,
            Seed = Seed,
        },
        LabelsPerItem = LabelsPerItem,
        GoldShare = GoldPercent / 100.0,
        AnnotatorIds = [.. AnnotatorIds.Order(StringComparer.Ordinal)],
        Order = Order,
        ShowSuggestions = ShowSuggestions,
    };
}
