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

    /// <summary>markdown, html or text: how <see cref="Markdown"/> (the source as ingested) is read.</summary>
    public string Format { get; set; } = "markdown";
    public string? Owner { get; set; }
    /// <summary>Intent domain key (payments, streaming...), a retrieval filter.</summary>
    public string? Domain { get; set; }
    /// <summary>Intent keys the document answers, a retrieval filter.</summary>
    public List<string> Intents { get; set; } = [];
    /// <summary>After this date the document is stale until someone reviews it.</summary>
    public DateOnly? ReviewBy { get; set; }
    /// <summary>Where the current revision came from: a file path or "upload:name".</summary>
    public string? Source { get; set; }
    public string? UploadedById { get; set; }
    /// <summary>Hash of the source and metadata: re-ingesting identical input is a no-op.</summary>
    public string ContentHash { get; set; } = "";
}

/// <summary>One stored revision of a document's source, for history and diffs.</summary>
public sealed class SopDocumentVersion
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public int Revision { get; set; }
    public string Title { get; set; } = "";
    public string Format { get; set; } = "markdown";
    public string Body { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string? Source { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>A curator-managed synonym set: a query containing the term also searches its synonyms.</summary>
public sealed class GlossaryEntry
{
    public long Id { get; set; }
    public string Locale { get; set; } = "en";
    public string Term { get; set; } = "";
    public List<string> Synonyms { get; set; } = [];
    public string? UpdatedById { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
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
    /// <summary>Hash of heading and text: an unchanged chunk keeps its row, id and vector on re-ingestion.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>The model that computed <see cref="Embedding"/>; vectors of another model are recomputed.</summary>
    public string? EmbeddingModel { get; set; }
}
