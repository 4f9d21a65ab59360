using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Annotation;

/// <summary>Which questions a batch takes. All conditions combine with AND.</summary>
public sealed record BatchFilter
{
    /// <summary>Only questions from this source (as recorded by the importer).</summary>
    public string? Source { get; init; }
    /// <summary>Asked at or after this instant (UTC).</summary>
    public DateTime? From { get; init; }
    /// <summary>Asked before this instant (UTC, exclusive).</summary>
    public DateTime? To { get; init; }
    /// <summary>Skip questions that already have a final label.</summary>
    public bool UnlabeledOnly { get; init; } = true;
    /// <summary>Only questions the model predicted with confidence below this value (questions without a prediction are left out).</summary>
    public double? ConfidenceBelow { get; init; }
    /// <summary>Draw this many questions at random (seeded) from those matching; all of them when null.</summary>
    public int? SampleSize { get; init; }
    /// <summary>Seed for the sample, the gold draw and the random order: the same seed gives the same batch.</summary>
    public int Seed { get; init; } = 1;
}

public sealed record CreateBatchRequest
{
    public required string Name { get; init; }
    public BatchFilter Filter { get; init; } = new();
    public int LabelsPerItem { get; init; } = 2;
    /// <summary>Share of the batch made of hidden gold items (questions with a known final label), 0 to 0.5.</summary>
    public double GoldShare { get; init; }
    public IReadOnlyList<string> AnnotatorIds { get; init; } = [];
    public BatchOrder Order { get; init; } = BatchOrder.Random;
    public bool ShowSuggestions { get; init; }
}

/// <summary>Item counts of a batch by state; labels given versus needed.</summary>
public sealed record BatchProgress(int Items, int GoldItems, int Open, int Complete, int NeedsAdjudication, int Adjudicated,
    long LabelsGiven, long LabelsNeeded)
{
    /// <summary>Share of items that need no more annotator work (complete, waiting for or past adjudication).</summary>
    public double Done => Items == 0 ? 0 : (double)(Complete + NeedsAdjudication + Adjudicated) / Items;
}

public sealed record BatchSummary(long Id, string Name, BatchStatus Status, int LabelsPerItem, double GoldShare, BatchOrder Order,
    bool ShowSuggestions, DateTime CreatedAt, string? CreatedById, IReadOnlyList<string> AnnotatorIds, BatchProgress Progress);

/// <summary>
/// One annotator's own progress in a batch, beside the batch's overall done share. Leaves out gold
/// counts on purpose: annotators must not learn anything about the hidden gold items.
/// </summary>
public sealed record AnnotatorProgress(long BatchId, int Labeled, int Skipped, int BatchItems, double BatchDone);
