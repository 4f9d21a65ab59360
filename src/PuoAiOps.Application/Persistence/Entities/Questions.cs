namespace PuoAiOps.Application.Persistence.Entities;

/// <summary>A real user question, stored only after PII redaction.</summary>
public sealed class Question
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    /// <summary>Redacted text; the original is never stored.</summary>
    public string Text { get; set; } = "";
    /// <summary>Hash of the normalised redacted text: duplicates are counted, not stored twice.</summary>
    public string TextHash { get; set; } = "";
    /// <summary>Pseudonymous user reference (already redacted or hashed by the importer).</summary>
    public string? UserRef { get; set; }
    public string? Channel { get; set; }
    public string? Locale { get; set; }
    public string? Source { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime ImportedAt { get; set; } = DateTime.UtcNow;
    public long? ImportRunId { get; set; }
    public int? PredictedIntentId { get; set; }
    public double? PredictedConfidence { get; set; }
    public long? PredictedByModelId { get; set; }
    /// <summary>The final label (consensus or adjudicated); null while unlabeled. Out-of-scope is <see cref="FinalOutOfScope"/>.</summary>
    public int? FinalIntentId { get; set; }
    public bool FinalOutOfScope { get; set; }
    public string? FinalLabelSource { get; set; }
    public bool IsDemo { get; set; }
}

/// <summary>One import of a question file: counts and the rejected-row report.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";
    public string Format { get; set; } = "";
    /// <summary>SHA-256 of the file, so re-running the same file can resume and report.</summary>
    public string FileHash { get; set; } = "";
    public string? CreatedById { get; set; }
    public DateTime StartedAt { get; set; } = DateTime.UtcNow;
    public DateTime? FinishedAt { get; set; }
    public int Imported { get; set; }
    public int Duplicates { get; set; }
    public int Rejected { get; set; }
    /// <summary>JSON report: rejected rows with line and reason, redaction counts.</summary>
    public string? Report { get; set; }
}
