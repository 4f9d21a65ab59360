using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

/// <summary>Library filters; all optional. <see cref="Text"/> searches title, intent key and the current body.</summary>
public sealed record ScriptQuery(
    string? Intent = null, string? Locale = null, string? Channel = null, ScriptVersionStatus? Status = null,
    string? OwnerId = null, string? Text = null, string? Tag = null);

/// <summary>One library row: the script and the state of its newest version.</summary>
public sealed record ScriptSummary(
    long Id, string IntentKey, string Locale, string Channel, string Title, IReadOnlyList<string> Tags, string? OwnerId,
    ScriptVersionStatus Status, int LatestNumber, long? PublishedVersionId, DateTime UpdatedAt);

public sealed record CommentView(long Id, string? AuthorId, string AuthorName, string Body, DateTime CreatedAt);

public sealed record VersionView(
    long Id, int Number, ScriptVersionStatus Status, string Body, IReadOnlyList<ScriptVariable> Variables, IReadOnlyList<string> SopLinks,
    DateTime? EffectiveFrom, string? AuthorId, DateTime CreatedAt, string? UpdatedById, DateTime UpdatedAt, DateTime? SubmittedAt,
    string? ReviewerId, DateTime? ReviewedAt, string? ReviewNote, Guid Stamp, IReadOnlyList<CommentView> Comments);

public sealed record ScriptDetails(ScriptSummary Script, IReadOnlyList<VersionView> Versions, IReadOnlyList<LintFinding> OpenVersionFindings);

/// <summary>What a curator sends when saving a draft. <see cref="ExpectedStamp"/> is the stamp of the draft they edited (null: no draft yet).</summary>
public sealed record DraftInput(
    string Body, IReadOnlyList<ScriptVariable>? Variables = null, IReadOnlyList<string>? SopLinks = null,
    DateTime? EffectiveFrom = null, Guid? ExpectedStamp = null);

public enum SaveOutcome { Saved, Conflict }

/// <summary>
/// The result of a save. On <see cref="SaveOutcome.Conflict"/> nothing was written: the draft holds
/// what someone else saved (<see cref="TheirBody"/>), and <see cref="YourBody"/> is what this curator
/// sent, so the page can show both and let them merge. Findings are the lint of what is stored now.
/// </summary>
public sealed record SaveResult(
    SaveOutcome Outcome, long ScriptId, long VersionId, int Number, Guid Stamp, IReadOnlyList<LintFinding> Findings,
    string? YourBody = null, string? TheirBody = null, string? TheirEditorId = null, DateTime? TheirSavedAt = null);

/// <summary>An approved, effective script as the bot and the REST API receive it.</summary>
public sealed record ServedScript(
    long ScriptId, long VersionId, int Number, string IntentKey, string Locale, string Channel, string Title,
    string Body, IReadOnlyList<ScriptVariable> Variables, DateTime ApprovedAt, DateTime? EffectiveFrom,
    IReadOnlyList<string>? SopLinks = null)
{
    private (string Body, string Html)? _rendered;

    /// <summary>
    /// The body as sanitized HTML, rendered on first use: the bot answers with the body alone, and
    /// rendering (Markdown, then the sanitizer) cost more than the rest of its script lookup.
    /// Rendered again if a copy (<c>with</c>) changed the body.
    /// </summary>
    public string Html
    {
        get
        {
            if (_rendered is { } r && ReferenceEquals(r.Body, Body)) return r.Html;
            var html = ScriptMarkdown.Render(Body);
            _rendered = (Body, html);
            return html;
        }
    }
}

public sealed record ScriptDiffView(long OldVersionId, int OldNumber, long NewVersionId, int NewNumber, IReadOnlyList<DiffSegment> Segments);
