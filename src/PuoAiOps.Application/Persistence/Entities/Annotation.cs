namespace PuoAiOps.Application.Persistence.Entities;

public enum BatchOrder { Random, MostUncertainFirst }
public enum BatchStatus { Open, Paused, Closed }

/// <summary>A filtered set of questions handed to annotators, with overlap and gold settings.</summary>
public sealed class AnnotationBatch
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The filter that selected the questions (JSON), kept for the record.</summary>
    public string Filter { get; set; } = "{}";
    public int LabelsPerItem { get; set; } = 2;
    public double GoldShare { get; set; }
    public BatchOrder Order { get; set; } = BatchOrder.Random;
    public bool ShowSuggestions { get; set; }
    public BatchStatus Status { get; set; } = BatchStatus.Open;
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public bool IsDemo { get; set; }
    public List<BatchAnnotator> Annotators { get; set; } = [];
    public List<AnnotationItem> Items { get; set; } = [];
}

public sealed class BatchAnnotator
{
    public long BatchId { get; set; }
    public string UserId { get; set; } = "";
}

public enum ItemStatus { Open, Complete, NeedsAdjudication, Adjudicated }

/// <summary>One question inside a batch. Gold items carry the known answer and are hidden as such.</summary>
public sealed class AnnotationItem
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public AnnotationBatch? Batch { get; set; }
    public long QuestionId { get; set; }
    public Question? Question { get; set; }
    public bool IsGold { get; set; }
    public int? GoldIntentId { get; set; }
    public bool GoldOutOfScope { get; set; }
    /// <summary>Order key inside the batch (random draw or model uncertainty).</summary>
    public double Priority { get; set; }
    public int LabelCount { get; set; }
    public ItemStatus Status { get; set; } = ItemStatus.Open;
    /// <summary>Optimistic concurrency on label counting.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>An annotator holding an item for a few minutes so nobody else takes the last slot.</summary>
public sealed class AnnotationLease
{
    public long ItemId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}

public sealed class AnnotationLabel
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public long QuestionId { get; set; }
    public string UserId { get; set; } = "";
    public int? IntentId { get; set; }
    public bool OutOfScope { get; set; }
    public bool Unclear { get; set; }
    public bool MultipleIntents { get; set; }
    public string? Note { get; set; }
    /// <summary>Time from item shown to submit, for items-per-hour statistics.</summary>
    public int DurationMs { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public sealed class AnnotationSkip
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public string UserId { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>A reviewer's final word on an item the annotators disagreed on.</summary>
public sealed class Adjudication
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public string ReviewerId { get; set; } = "";
    public int? IntentId { get; set; }
    public bool OutOfScope { get; set; }
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
