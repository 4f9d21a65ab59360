using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Persistence.Entities;

/// <summary>
/// The standard reply for one intent in one locale on one channel (im, in_app, email); its text
/// lives in versions. Title, tags and owner describe the script; body, variables and SOP links are
/// what reviewers approve, so they belong to a version.
/// </summary>
public sealed class ReplyScript
{
    public long Id { get; set; }
    public int IntentId { get; set; }
    public Intent? Intent { get; set; }
    public string Locale { get; set; } = "en";
    public string Channel { get; set; } = ScriptChannels.Im;
    public string Title { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    /// <summary>The curator who answers for this script (user id).</summary>
    public string? OwnerId { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
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
    /// <summary>Body in the safe Markdown subset, with placeholders such as {{user_name}}.</summary>
    public string Body { get; set; } = "";
    /// <summary>The variables the body may use, with type, required flag and default.</summary>
    public List<ScriptVariable> Variables { get; set; } = [];
    /// <summary>SOP sections the text rests on: "slug" or "slug#heading-anchor" (same locale as the script).</summary>
    public List<string> SopLinks { get; set; } = [];
    /// <summary>An approved version is served from this time on (null: as soon as it is approved).</summary>
    public DateTime? EffectiveFrom { get; set; }
    public ScriptVersionStatus Status { get; set; } = ScriptVersionStatus.Draft;
    public string? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string? UpdatedById { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? SubmittedAt { get; set; }
    public string? ReviewerId { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
    /// <summary>Optimistic concurrency: two curators saving the same draft cannot silently overwrite each other.</summary>
    public Guid Stamp { get; set; } = Guid.NewGuid();
    public List<ScriptReviewComment> Comments { get; set; } = [];
}

/// <summary>A reviewer's or author's comment on one version.</summary>
public sealed class ScriptReviewComment
{
    public long Id { get; set; }
    public long VersionId { get; set; }
    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>
/// An agent's reply imported for standardization (redacted before it is stored), with the question it answered
/// when the file had one. Curators pick some on the standardize page to make a script draft from them.
/// </summary>
public sealed class AgentReply
{
    public long Id { get; set; }
    public string Text { get; set; } = "";
    public string? Question { get; set; }
    public string Locale { get; set; } = "en";
    public int? IntentId { get; set; }
    /// <summary>The file it came from.</summary>
    public string Source { get; set; } = "";
    public string? ImportedBy { get; set; }
    public DateTime ImportedAt { get; set; } = DateTime.UtcNow;
    public bool IsDemo { get; set; }
}
