namespace PuoAiOps.Application.Persistence.Entities;

public enum IntentStatus { Active, Draft, Deprecated }

/// <summary>A group of intents (for example "Payments & recharge").</summary>
public sealed class IntentDomain
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    /// <summary>Display names by locale ("en", "zh-CN").</summary>
    public Dictionary<string, string> Names { get; set; } = [];
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsDemo { get; set; }
    public List<Intent> Intents { get; set; } = [];
}

/// <summary>One thing a user can want. Labels, scripts and classifier classes all point here.</summary>
public sealed class Intent
{
    public int Id { get; set; }
    public int DomainId { get; set; }
    public IntentDomain? Domain { get; set; }
    public string Key { get; set; } = "";
    public Dictionary<string, string> Names { get; set; } = [];
    public string Description { get; set; } = "";
    public string IncludeCriteria { get; set; } = "";
    public string ExcludeCriteria { get; set; } = "";
    public List<string> Examples { get; set; } = [];
    public IntentStatus Status { get; set; } = IntentStatus.Active;
    /// <summary>Guide file and heading anchor in annotation-guides/, e.g. "payments.md#recharge-failed".</summary>
    public string? GuideRef { get; set; }
    /// <summary>When merged or split away, the intent that replaced this one.</summary>
    public int? ReplacedById { get; set; }
    public bool IsDemo { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Optimistic concurrency: two curators editing the same intent cannot silently overwrite.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A published snapshot of the whole taxonomy (YAML), so labels can be read against the version they used.</summary>
public sealed class TaxonomyVersion
{
    public int Id { get; set; }
    public int Number { get; set; }
    public string Snapshot { get; set; } = "";
    /// <summary>The reviewer's note as written, or the English of the generated one (a list of what was approved).</summary>
    public string? Note { get; set; }
    /// <summary>A generated note as a code, <c>&lt;enum&gt;.&lt;value&gt;</c>, and its arguments (CodedMessageJson); null for a reviewer's note and older rows.</summary>
    public string? NoteCode { get; set; }
    public string? NoteArgs { get; set; }
    public string? PublishedById { get; set; }
    public DateTime PublishedAt { get; set; } = DateTime.UtcNow;
}

public enum TaxonomyChangeKind { Add, Rename, Edit, Merge, Split, Deprecate }
public enum ReviewStatus { Pending, Approved, Rejected }

/// <summary>A proposed change to the taxonomy; applied only when a Reviewer approves it.</summary>
public sealed class TaxonomyChange
{
    public long Id { get; set; }
    public TaxonomyChangeKind Kind { get; set; }
    /// <summary>Kind-specific JSON (target intent ids, new names, split rules...).</summary>
    public string Payload { get; set; } = "{}";
    /// <summary>One line for reviewers, in English (the CLI, the REST API and rows written before it had a code).</summary>
    public string Summary { get; set; } = "";
    /// <summary>The summary as a code, <c>&lt;enum&gt;.&lt;value&gt;</c>, and its arguments (CodedMessageJson), worded by the console.</summary>
    public string? SummaryCode { get; set; }
    public string? SummaryArgs { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Pending;
    public string? ProposedById { get; set; }
    public DateTime ProposedAt { get; set; } = DateTime.UtcNow;
    public string? ReviewedById { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
    public int? ResultingVersionId { get; set; }
}
