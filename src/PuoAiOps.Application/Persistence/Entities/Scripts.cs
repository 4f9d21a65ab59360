namespace PuoAiOps.Application.Persistence.Entities;

/// <summary>The standard reply for one intent in one locale; its text lives in versions.</summary>
public sealed class ReplyScript
{
    public long Id { get; set; }
    public int IntentId { get; set; }
    public Intent? Intent { get; set; }
    public string Locale { get; set; } = "en";
    public string Title { get; set; } = "";
    /// <summary>The approved version the bot serves; null until one is approved.</summary>
    public long? PublishedVersionId { get; set; }
    public bool IsDemo { get; set; }
    public List<ReplyScriptVersion> Versions { get; set; } = [];
}

public enum ScriptVersionStatus { Draft, InReview, Approved, Rejected, Retired }

public sealed class ReplyScriptVersion
{
    public long Id { get; set; }
    public long ScriptId { get; set; }
    public int Number { get; set; }
    /// <summary>Body with placeholders such as {{user_name}}.</summary>
    public string Body { get; set; } = "";
    public ScriptVersionStatus Status { get; set; } = ScriptVersionStatus.Draft;
    public string? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string? ReviewerId { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
}
