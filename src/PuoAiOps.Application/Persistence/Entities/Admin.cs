namespace PuoAiOps.Application.Persistence.Entities;

/// <summary>A machine credential for the REST API. Only a hash of the secret is kept.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>First characters of the key, shown so people can tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string Role { get; set; } = Roles.Viewer;
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>Requests per minute this key may make to the bot API (null: the workspace default, Bot:RequestsPerMinute).</summary>
    public int? RequestsPerMinute { get; set; }
}

/// <summary>A workspace setting edited by admins (for example admin-defined PII patterns).</summary>
public sealed class Setting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public string? UpdatedById { get; set; }
}

/// <summary>Who did what and when. Details never carry PII or secrets.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>The detail in English: what the CLI, the REST API and the search read, and all rows written before 0022 have.</summary>
    public string? Detail { get; set; }
    /// <summary>The detail as a code, <c>&lt;enum&gt;.&lt;value&gt;</c>, and its arguments (CodedMessageJson), worded by the console.</summary>
    public string? DetailCode { get; set; }
    public string? DetailArgs { get; set; }
}

public enum JobStatus { Queued, Running, Succeeded, Failed, Cancelled }

/// <summary>Long work (imports, training, batch classification) run by any instance that leases it.</summary>
public sealed class BackgroundJob
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public JobStatus Status { get; set; } = JobStatus.Queued;
    public string? Payload { get; set; }
    public string? Result { get; set; }
    public double Progress { get; set; }
    /// <summary>The English wording of the job's line (for the CLI, logs and rows written before it had a code).</summary>
    public string? Message { get; set; }
    /// <summary>The line's code, <c>&lt;enum&gt;.&lt;value&gt;</c>, and its arguments (CodedMessageJson), worded by the console.</summary>
    public string? MessageCode { get; set; }
    public string? MessageArgs { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Instance that holds the job, and until when; an expired lease may be taken over.</summary>
    public string? LeasedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
