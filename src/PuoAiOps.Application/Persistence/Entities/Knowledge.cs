namespace PuoAiOps.Application.Persistence.Entities;

public enum DocumentStatus { Draft, Published, Archived }

/// <summary>An SOP or FAQ page in Markdown; the bot retrieves from its chunks.</summary>
public sealed class SopDocument
{
    public long Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Locale { get; set; } = "en";
    public string Markdown { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public DocumentStatus Status { get; set; } = DocumentStatus.Published;
    public int Revision { get; set; } = 1;
    public string? UpdatedById { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public bool IsDemo { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<SopChunk> Chunks { get; set; } = [];
}

public sealed class SopChunk
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public int Ordinal { get; set; }
    public string Heading { get; set; } = "";
    public string Text { get; set; } = "";
    public int TokenCount { get; set; }
    /// <summary>Dense vector (float32 little-endian) when one has been computed.</summary>
    public byte[]? Embedding { get; set; }
}
